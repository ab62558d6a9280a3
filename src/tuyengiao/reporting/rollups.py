"""Số liệu cộng dồn (the roll-up): the figures of accepted reports, already combined over time.

For each đơn vị giao (the unit that asked for the reports), mã mẫu, kỳ chứa (every quarter, 6 months,
9 months and year that holds a report's period: its "containers"), loại kỳ of the reports (tháng, quý…),
đơn vị báo cáo and chỉ tiêu, the roll-up keeps the sum, the number of values, the largest one and the
value of the latest period (Rollup). That is enough to apply every time rule (cộng, lấy kỳ cuối, trung
bình, lớn nhất), then every unit rule, in one small statement: consolidating a province's first
half-year reads one row per commune and indicator instead of six values.

A second level (RollupTotal) has those rows already combined over the units, per indicator: how many
units, and the sum, largest and smallest of their figures taken by the indicator's time rule. When
one unit asked for one kind of report (the usual case), consolidation reads one row per indicator;
when several did (a province and the one it absorbed, in the same year), the units' rows.

Each unit's rows come with a stamp (RollupStamp): how many accepted reports they were made from, and
the sum of their ids. Consolidation compares the stamps with the accepted reports it finds and reads
the values instead when they differ (a status written around the services, a bulk load without a
rebuild), so a roll-up out of step costs time, never a wrong figure. What the stamps cannot see: the
values of an accepted report rewritten in place, or a report moved to another unit or assignment,
around the services (which do neither): after such a repair, rebuild.

Kept in step by `refresh(submission)` in the transaction where a report enters or leaves “Đã duyệt”;
`rebuild()` (the `rebuild_rollups` command) recomputes everything after a bulk load.

The arithmetic is consolidation's over the values (reporting.consolidation), step for step, so that
both give the same figures: on PostgreSQL exactly (numeric, the combined figures kept with all their
decimals); on SQLite, which stores decimals as binary floats, non-integer figures may be added in
another order, which can only show at the half-cent rounding of a figure that is itself a float
artefact.
"""

import datetime as dt

from django.db import connection, transaction

from tuyengiao.reporting.models import (
    Assignment,
    Indicator,
    ReportTemplate,
    Rollup,
    RollupStamp,
    RollupTotal,
    Submission,
    SubmissionStatus,
    Value,
)
from tuyengiao.reporting.periods import Period, PeriodKind, period_of_kind_containing

CONTAINER_KINDS = (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.NINE_MONTHS, PeriodKind.YEAR)
ACCEPTED = SubmissionStatus.ACCEPTED.value
_LOCK_SPACE = 0x524F4C4C  # "ROLL": the namespace of the advisory locks taken by refresh()


def containers(start: dt.date, end: dt.date) -> list[Period]:
    """The kỳ chứa of a report's period: the quarter, 6 months, 9 months and year that hold all of it."""
    found = []
    for kind in CONTAINER_KINDS:
        try:
            period = period_of_kind_containing(kind, start)
        except ValueError:  # 9 months in the last quarter, a year out of range
            continue
        if period.end >= end:
            found.append(period)
    return found


def is_container(period: Period) -> bool:
    return period.kind in CONTAINER_KINDS


def _tables() -> dict[str, str]:
    return {
        "value": Value._meta.db_table,
        "submission": Submission._meta.db_table,
        "assignment": Assignment._meta.db_table,
        "template": ReportTemplate._meta.db_table,
        "indicator": Indicator._meta.db_table,
        "rollup": Rollup._meta.db_table,
        "total": RollupTotal._meta.db_table,
        "stamp": RollupStamp._meta.db_table,
    }


def _marks(items) -> str:
    return ", ".join(["%s"] * len(items))


def unit_figure_sql(row: str = "r") -> str:
    """A unit's figure over the container by its indicator's time rule (`i` the indicator), from a
    roll-up row: the same expression consolidation applies to the values' sums, means, maxima."""
    if connection.vendor == "postgresql":
        mean = f"{row}.total / {row}.reported::numeric"
    else:
        mean = f"CAST({row}.total AS REAL) / {row}.reported"
    return (
        f"CASE i.time_aggregation WHEN 'sum' THEN {row}.total WHEN 'avg' THEN {mean}"
        f" WHEN 'max' THEN {row}.largest ELSE {row}.last_value END"
    )


# ---------------------------------------------------------------- writing

_KEY = "a.assigner_id, t.code, a.period_kind, s.unit_id"


def _rows_sql(where: str) -> str:
    """INSERT … SELECT of one container's rows from the values of the reports `where` selects.

    Parameters: the container key, its first and last day, then those of `where` (twice on SQLite).
    "Last" is the value of the latest period a unit reported, the greatest one when two reports end
    the same day: as in consolidation, PostgreSQL takes the greatest (period, value) pair, SQLite joins
    on the latest day. PostgreSQL writes them in key order, so that one unit's rows lie together.
    """
    t = _tables()
    columns = (
        "assigner_id, template_code, container_key, report_kind, unit_id, indicator_id,"
        " total, reported, largest, last_end, last_value"
    )
    joins = f"""FROM {t["value"]} v
            JOIN {t["submission"]} s ON s.id = v.submission_id
            JOIN {t["assignment"]} a ON a.id = s.assignment_id
            JOIN {t["template"]} t ON t.id = a.template_id
            WHERE v.number IS NOT NULL AND a.period_start >= %s AND a.period_end <= %s AND {where}"""
    if connection.vendor == "postgresql":
        # Integers first and the texts compared byte by byte: the sort that groups (and orders) the
        # rows is then three times faster than with the texts first in the database's collation.
        key = 'a.assigner_id, s.unit_id, v.indicator_id, t.code COLLATE "C", a.period_kind COLLATE "C"'
        return f"""
            INSERT INTO {t["rollup"]} ({columns})
            SELECT a.assigner_id, t.code COLLATE "C", %s, a.period_kind COLLATE "C", s.unit_id, v.indicator_id,
                   SUM(v.number), COUNT(v.number), MAX(v.number), MAX(a.period_end),
                   (MAX(ARRAY[(a.period_end - DATE '2000-01-01')::numeric, v.number]))[2]
            {joins}
            GROUP BY {key}
            ORDER BY {key}"""
    return f"""
        INSERT INTO {t["rollup"]} ({columns})
        SELECT b.assigner_id, b.code, %s, b.period_kind, b.unit_id, b.indicator_id,
               SUM(b.number), COUNT(b.number), MAX(b.number), MAX(b.period_end),
               MAX(CASE WHEN b.period_end = l.last_end THEN b.number END)
        FROM (SELECT {_KEY}, v.indicator_id, a.period_end, v.number {joins}) b
        JOIN (
            SELECT {_KEY}, v.indicator_id, MAX(a.period_end) AS last_end {joins}
            GROUP BY {_KEY}, v.indicator_id
        ) l ON l.assigner_id = b.assigner_id AND l.code = b.code AND l.period_kind = b.period_kind
           AND l.unit_id = b.unit_id AND l.indicator_id = b.indicator_id
        GROUP BY b.assigner_id, b.code, b.period_kind, b.unit_id, b.indicator_id"""


def _stamps_sql(where: str) -> str:
    t = _tables()
    return f"""
        INSERT INTO {t["stamp"]}
            (assigner_id, template_code, container_key, report_kind, unit_id, reports, checksum)
        SELECT a.assigner_id, t.code, %s, a.period_kind, s.unit_id, COUNT(*), SUM(s.id)
        FROM {t["submission"]} s
        JOIN {t["assignment"]} a ON a.id = s.assignment_id
        JOIN {t["template"]} t ON t.id = a.template_id
        WHERE a.period_start >= %s AND a.period_end <= %s AND {where}
        GROUP BY {_KEY}"""


def _totals_sql(where: str) -> str:
    """INSERT … SELECT of the second level from the units' rows `where` (over `r`) selects."""
    t = _tables()
    key = "assigner_id, template_code, container_key, report_kind, indicator_id"
    return f"""
        INSERT INTO {t["total"]} ({key}, time_rule, units, value_sum, value_max, value_min)
        SELECT {key}, time_aggregation, COUNT(*), SUM(figure), MAX(figure), MIN(figure)
        FROM (
            SELECT r.assigner_id, r.template_code, r.container_key, r.report_kind, r.indicator_id,
                   i.time_aggregation, {unit_figure_sql()} AS figure
            FROM {t["rollup"]} r JOIN {t["indicator"]} i ON i.id = r.indicator_id
            WHERE {where}
        ) f
        GROUP BY {key}, time_aggregation"""


def _write(cursor, container: Period, where: str, params: list) -> None:
    bounds = [container.key, container.start, container.end]
    if connection.vendor == "sqlite":
        # SQLite's plan reads the values twice (the rows and the latest day): the parameters too.
        cursor.execute(_rows_sql(where), [*bounds, *params, container.start, container.end, *params])
    else:
        cursor.execute(_rows_sql(where), [*bounds, *params])
    cursor.execute(_stamps_sql(where), [*bounds, *params])


@transaction.atomic
def refresh(submission: Submission) -> None:
    """Recompute the roll-up of a report's đơn vị giao, mã mẫu and đơn vị for the kỳ chứa of its period,
    and the combined figures of that đơn vị giao.

    Call it in the transaction that moves a report into or out of “Đã duyệt” (accepted), once the new
    status is set on `submission` (saved or not yet: the status in memory is the one that counts for
    this report, the stored one for the other reports). Recomputing, not adding and removing, it may
    be called again without harm.
    """
    loaded = Submission._meta.get_field("assignment").is_cached(submission)
    if loaded and Assignment._meta.get_field("template").is_cached(submission.assignment):
        assignment = submission.assignment  # as the services lock it, with its template
    else:
        assignment = Assignment.objects.select_related("template").get(pk=submission.assignment_id)
    within = containers(assignment.period_start, assignment.period_end)
    if not within:
        return
    t = _tables()
    group = [assignment.assigner_id, assignment.template.code, assignment.period_kind]
    keys = [c.key for c in within]
    in_keys = _marks(keys)
    scope = "assigner_id = %s AND template_code = %s AND report_kind = %s"
    accepted = submission.status == ACCEPTED
    status = "(s.status = %s OR s.id = %s)" if accepted else "(s.status = %s AND s.id <> %s)"
    where = f"a.assigner_id = %s AND t.code = %s AND a.period_kind = %s AND s.unit_id = %s AND {status}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Reports asked for by the same unit, accepted at once: one waits, then counts the other's.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_SPACE, assignment.assigner_id % 2**31]
            )
        for table in (t["rollup"], t["stamp"]):
            cursor.execute(
                f"DELETE FROM {table} WHERE {scope} AND unit_id = %s AND container_key IN ({in_keys})",
                [*group, submission.unit_id, *keys],
            )
        for container in within:
            _write(cursor, container, where, [*group, submission.unit_id, ACCEPTED, submission.pk])
        cursor.execute(
            f"DELETE FROM {t['total']} WHERE {scope} AND container_key IN ({in_keys})", [*group, *keys]
        )
        cursor.execute(
            _totals_sql(
                "r.assigner_id = %s AND r.template_code = %s AND r.report_kind = %s"
                f" AND r.container_key IN ({in_keys})"
            ),
            [*group, *keys],
        )


@transaction.atomic
def rebuild(template_code: str | None = None) -> int:
    """Recompute the whole roll-up (of one mã mẫu, or of all): after a bulk load or to repair it.

    Returns the number of units' rows written.
    """
    t = _tables()
    assignments = Assignment.objects.all()
    where, params, scope, scope_params = "s.status = %s", [ACCEPTED], "", []
    if template_code is not None:
        assignments = assignments.filter(template__code=template_code)
        where, params = f"{where} AND t.code = %s", [ACCEPTED, template_code]
        scope, scope_params = "template_code = %s", [template_code]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A report accepted meanwhile waits for the rebuild (reading goes on), then refreshes its rows.
            cursor.execute(
                f"LOCK TABLE {t['rollup']}, {t['stamp']}, {t['total']} IN SHARE ROW EXCLUSIVE MODE"
            )
        for table in (t["rollup"], t["stamp"], t["total"]):
            cursor.execute(f"DELETE FROM {table}{' WHERE ' + scope if scope else ''}", scope_params)
        spans = set(assignments.values_list("period_start", "period_end").distinct())
        for container in sorted({c for start, end in spans for c in containers(start, end)}):
            _write(cursor, container, where, params)
        cursor.execute(_totals_sql(f"r.{scope}" if scope else "1 = 1"), scope_params)
        cursor.execute(
            f"SELECT COUNT(*) FROM {t['rollup']}{' WHERE ' + scope if scope else ''}", scope_params
        )
        return cursor.fetchone()[0]


# ---------------------------------------------------------------- reading


def per_indicator_sql(
    assigner_ids: list[int], template_code: str, container: Period, kinds: list[str]
) -> tuple[str, list]:
    """The `per_indicator` step of consolidation read from the roll-up: one row per unit and indicator
    with its sum, mean, largest and last value over the container, from the rows of the given
    assigners and kinds of report. With one assigner and one kind each (unit, indicator) has one row
    and nothing is grouped; else the rows of a unit are combined as the values would have been."""
    t = _tables()
    where = (
        f"r.assigner_id IN ({_marks(assigner_ids)}) AND r.template_code = %s AND r.container_key = %s"
        f" AND r.report_kind IN ({_marks(kinds)})"
    )
    params = [*assigner_ids, template_code, container.key, *kinds]
    postgres = connection.vendor == "postgresql"
    if len(assigner_ids) == 1 and len(kinds) == 1:
        mean = "r.total / r.reported::numeric" if postgres else "CAST(r.total AS REAL) / r.reported"
        return (
            f"""per_indicator AS (
            SELECT r.unit_id, r.indicator_id, r.total, {mean} AS mean, r.largest AS top, r.last_value AS last
            FROM {t["rollup"]} r WHERE {where}
        )""",
            params,
        )
    if postgres:
        return (
            f"""per_indicator AS (
            SELECT r.unit_id, r.indicator_id, SUM(r.total) AS total, SUM(r.total) / SUM(r.reported)::numeric AS mean,
                   MAX(r.largest) AS top,
                   (MAX(ARRAY[(r.last_end - DATE '2000-01-01')::numeric, r.last_value]))[2] AS last
            FROM {t["rollup"]} r WHERE {where}
            GROUP BY r.unit_id, r.indicator_id
        )""",
            params,
        )
    return (
        f"""base AS (
            SELECT r.unit_id, r.indicator_id, r.total, r.reported, r.largest, r.last_end, r.last_value
            FROM {t["rollup"]} r WHERE {where}
        ),
        latest AS (
            SELECT unit_id, indicator_id, MAX(last_end) AS last_end FROM base GROUP BY unit_id, indicator_id
        ),
        per_indicator AS (
            SELECT b.unit_id, b.indicator_id, SUM(b.total) AS total,
                   CAST(SUM(b.total) AS REAL) / SUM(b.reported) AS mean, MAX(b.largest) AS top,
                   MAX(CASE WHEN b.last_end = l.last_end THEN b.last_value END) AS last
            FROM base b JOIN latest l ON l.unit_id = b.unit_id AND l.indicator_id = b.indicator_id
            GROUP BY b.unit_id, b.indicator_id
        )""",
        params,
    )


def totals_sql(assigner_id: int, template_code: str, container: Period, kind: str) -> tuple[str, list]:
    """The totals of one assigner and kind of report, read from the second level: rows
    (NULL, code, value, units) as consolidation's statement over the values gives them."""
    t = _tables()
    mean = (
        "SUM(x.value_sum) / SUM(x.units)::numeric"
        if connection.vendor == "postgresql"
        else "CAST(SUM(x.value_sum) AS REAL) / SUM(x.units)"
    )
    return (
        f"""SELECT NULL, i.code,
               CASE MAX(i.unit_aggregation)
                   WHEN 'sum' THEN SUM(x.value_sum) WHEN 'avg' THEN {mean}
                   WHEN 'max' THEN MAX(x.value_max) WHEN 'min' THEN MIN(x.value_min)
               END,
               SUM(x.units)
        FROM {t["total"]} x JOIN {t["indicator"]} i ON i.id = x.indicator_id
        WHERE x.assigner_id = %s AND x.template_code = %s AND x.container_key = %s AND x.report_kind = %s
        GROUP BY i.code""",
        [assigner_id, template_code, container.key, kind],
    )


def in_step_sql(
    assigner_ids: list[int], template_code: str, container: Period, kinds: list[str]
) -> tuple[str, list]:
    """One row (changed rules, reports, checksum) for the roll-up of these assigners and kinds: how many
    combined figures were taken by a time rule the indicator no longer has, and how many accepted
    reports (and the sum of their ids) the rows were made from. Consolidation compares the last two
    with the accepted reports it finds now."""
    t = _tables()

    def where(row: str) -> str:
        return (
            f"{row}.assigner_id IN ({_marks(assigner_ids)}) AND {row}.template_code = %s"
            f" AND {row}.container_key = %s AND {row}.report_kind IN ({_marks(kinds)})"
        )

    params = [*assigner_ids, template_code, container.key, *kinds]
    return (
        f"""SELECT (
                SELECT COUNT(*) FROM {t["total"]} x JOIN {t["indicator"]} i ON i.id = x.indicator_id
                WHERE {where("x")} AND x.time_rule <> i.time_aggregation
            ) AS changed,
            COALESCE(SUM(sp.reports), 0) AS reports, COALESCE(SUM(sp.checksum), 0) AS checksum
        FROM {t["stamp"]} sp WHERE {where("sp")}""",
        [*params, *params],
    )
