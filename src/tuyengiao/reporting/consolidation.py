"""Tổng hợp báo cáo: a unit's figures for a period, from the reports of the units below it.

Which reports count: those the unit asked for (its assignments, and those of the units it
succeeded through a merger or a rename: Thái Nguyên's first half of 2024 includes what Bắc Kạn
collected then), for the template's code, within the period. A unit that asked for nothing (a
district in the old tree, say) is consolidated from the reports whose stored path passes through
it, leaving out reports of units that themselves consolidated others, so nothing counts twice.

When the period holds reports of several lengths (monthly and 6-month), the reports of exactly the
period win; otherwise the finest length is used. The arithmetic is one SQL statement: values are
first combined per unit over time by each indicator's rule (sum, last, average, max), then over
units (sum, average, max, min), never in a Python loop over values.

Accepted reports asked for by the unit (or its predecessors) over a quarter, 6 months, 9 months or a
year are read from the roll-up (số liệu cộng dồn, reporting.rollups): the first step already done
(one row per unit and indicator), and when a single unit asked for a single kind of report, the
second too (one row per indicator). Anything else (reports merely sent, a district's paths, a
month, a custom range, a roll-up not in step) reads the values. From the roll-up, the per-unit
breakdown (bảng chi tiết theo đơn vị) is read when first asked for, not with the totals; from the
values it comes in the same pass as the totals.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, models

from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import rollups
from tuyengiao.reporting.models import (
    Assignment,
    Indicator,
    Narrative,
    ReportTemplate,
    Section,
    Submission,
    SubmissionAncestor,
    SubmissionStatus,
    UnitAggregation,
    Value,
)
from tuyengiao.reporting.periods import Period

FINENESS = {"M": 0, "Q": 1, "H": 2, "9M": 3, "Y": 4, "T": 5, "C": 6}
ACCEPTED_ONLY = (SubmissionStatus.ACCEPTED,)
SUBMITTED_TOO = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


@dataclass
class Consolidation:
    unit: OrgUnit
    period: Period
    template_code: str
    statuses: tuple[str, ...]
    indicators: list[Indicator] = field(default_factory=list)
    sections: list = field(default_factory=list)
    totals: dict[str, Decimal | None] = field(default_factory=dict)  # code → value
    reporting: dict[str, int] = field(default_factory=dict)  # code → number of units with a value
    units: list[OrgUnit] = field(default_factory=list)  # every unit asked to report (.has_counted_report)
    submitted_unit_ids: set[int] = field(default_factory=set)
    narratives: list[tuple[str, list[tuple[str, str]]]] = field(
        default_factory=list
    )  # section → (unit, text)
    mode: str = "given"
    source: str = "values"  # what the figures were read from: "rollup" or "values"
    # The per-unit breakdown when it is read on first use of `per_unit` (one statement), then kept.
    breakdown_loader: Callable[[], dict[int, dict[str, Decimal]]] | None = field(
        default=None, repr=False, compare=False
    )
    _per_unit: dict[int, dict[str, Decimal]] | None = field(default=None, repr=False)

    @property
    def per_unit(self) -> dict[int, dict[str, Decimal]]:
        """Unit id → code → value, each unit's figures over the period (empty without a breakdown)."""
        if self._per_unit is None:
            self._per_unit = self.breakdown_loader() if self.breakdown_loader is not None else {}
            self.breakdown_loader = None
        return self._per_unit

    @per_unit.setter
    def per_unit(self, value: dict[int, dict[str, Decimal]]) -> None:
        self._per_unit, self.breakdown_loader = value, None

    @property
    def breakdown_loaded(self) -> bool:
        return self._per_unit is not None

    @property
    def coverage_label(self) -> str:
        return f"{len(self.submitted_unit_ids)}/{len(self.units)} đơn vị đã nộp"

    @property
    def missing_units(self) -> list[OrgUnit]:
        return [unit for unit in self.units if unit.pk not in self.submitted_unit_ids]


@dataclass(frozen=True)
class _Asked:
    pk: int
    assigner_id: int
    period_key: str
    period_kind: str


def _assignments(unit: OrgUnit, period: Period, template_code: str):
    """The assignments of the template within the period: those the unit (or a predecessor) gave,
    else all of them (path mode). One statement, plain rows."""
    sources = [unit.pk, *org_queries.predecessor_ids(unit.pk)]
    assignment, template = Assignment._meta.db_table, ReportTemplate._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT a.id, a.assigner_id, a.period_key, a.period_kind FROM {assignment} a
            JOIN {template} t ON t.id = a.template_id
            WHERE t.code = %s AND a.period_start >= %s AND a.period_end <= %s""",
            [template_code, period.start, period.end],
        )
        within = [_Asked(*row) for row in cursor.fetchall()]
    given = [a for a in within if a.assigner_id in sources]
    if given:
        return given, "given", sources
    return within, "path", sources


def _one_length(assignments: list[Assignment], period: Period) -> list[Assignment]:
    exact = [a for a in assignments if a.period_key == period.key]
    if exact:
        return exact
    if not assignments:
        return []
    finest = min(FINENESS.get(a.period_kind, 9) for a in assignments)
    return [a for a in assignments if FINENESS.get(a.period_kind, 9) == finest]


@dataclass
class Selection:
    """The reports a consolidation reads: assignments, and in path mode the path and the units left out."""

    assignment_ids: list[int]
    mode: str
    sources: list[int]
    excluded_units: list[int] = field(default_factory=list)
    assigner_ids: list[int] = field(default_factory=list)  # the units that asked, among the sources
    kinds: list[str] = field(default_factory=list)  # the kinds of period of the chosen reports
    # Every assignment of those kinds within the period is chosen (what the roll-up holds together).
    whole_kinds: bool = False

    def submissions(self):
        submissions = Submission.objects.filter(assignment_id__in=self.assignment_ids)
        if self.mode == "path":
            on_path = SubmissionAncestor.objects.filter(ancestor_id__in=self.sources).values("submission_id")
            submissions = submissions.filter(pk__in=on_path).exclude(unit_id__in=self.excluded_units)
        return submissions

    def where(self, statuses) -> tuple[str, list]:
        """The same selection as SQL over `s` (the submissions table), with its parameters; with
        statuses None, whatever their status."""
        sql = f"s.assignment_id IN ({_marks(self.assignment_ids)})"
        params = [*self.assignment_ids]
        if statuses is not None:
            sql += f" AND s.status IN ({_marks(statuses)})"
            params += [*statuses]
        if self.mode == "path":
            ancestors = SubmissionAncestor._meta.db_table
            sql += (
                f" AND s.id IN (SELECT submission_id FROM {ancestors} WHERE ancestor_id IN ({_marks(self.sources)}))"
                f" AND s.unit_id NOT IN ({_marks(self.excluded_units)})"
            )
            params += [*self.sources, *self.excluded_units]
        return sql, params


def _marks(items) -> str:
    return ", ".join(["%s"] * len(items))


def select(unit: OrgUnit, period: Period, template_code: str) -> Selection:
    candidates, mode, sources = _assignments(unit, period, template_code)
    assignments = _one_length(candidates, period)
    excluded = [*sources, *{a.assigner_id for a in assignments}] if mode == "path" else []
    kinds = sorted({a.period_kind for a in assignments})
    chosen = {a.pk for a in assignments}
    return Selection(
        [a.pk for a in assignments],
        mode,
        sources,
        excluded,
        assigner_ids=sorted({a.assigner_id for a in assignments}),
        kinds=kinds,
        whole_kinds=chosen == {a.pk for a in candidates if a.period_kind in kinds},
    )


def selected_submissions(unit: OrgUnit, period: Period, template_code: str):
    """The submissions asked for (any status) that the consolidation is made of, and the mode."""
    selection = select(unit, period, template_code)
    return selection.submissions(), selection.mode


def _rollup_sql(where: str, *, breakdown: bool) -> str:
    """Per unit over time by each indicator's rule, then over units: one statement, hash-friendly.

    The per-unit rows (unit_id set) come first when asked for, then one total row per code.
    """
    return _combined_sql(_per_indicator_sql(where), breakdown=breakdown)


def _per_indicator_sql(where: str) -> str:
    """The first step over the values: per unit and indicator, the sum, mean, largest and last value.

    "Last" over time is the value of the latest period a unit reported. PostgreSQL takes it in the
    same pass, as the greatest (period, value) pair; SQLite, which has no arrays, joins on the
    latest period. Either way the database groups by hashing, not by sorting with a window.
    """
    value, submission, assignment = (
        Value._meta.db_table,
        Submission._meta.db_table,
        Assignment._meta.db_table,
    )
    joins = f"""FROM {value} v
            JOIN {submission} s ON s.id = v.submission_id
            JOIN {assignment} a ON a.id = s.assignment_id
            WHERE v.number IS NOT NULL AND {where}"""
    if connection.vendor == "postgresql":
        per_indicator = f"""per_indicator AS (
            SELECT s.unit_id, v.indicator_id, SUM(v.number) AS total, AVG(v.number) AS mean, MAX(v.number) AS top,
                   (MAX(ARRAY[(a.period_end - DATE '2000-01-01')::numeric, v.number]))[2] AS last
            {joins}
            GROUP BY s.unit_id, v.indicator_id
        )"""
    else:
        per_indicator = f"""base AS (
            SELECT s.unit_id, v.indicator_id, a.period_end, v.number {joins}
        ),
        latest AS (
            SELECT unit_id, indicator_id, MAX(period_end) AS last_end FROM base GROUP BY unit_id, indicator_id
        ),
        per_indicator AS (
            SELECT b.unit_id, b.indicator_id, SUM(b.number) AS total, AVG(b.number) AS mean,
                   MAX(b.number) AS top, MAX(CASE WHEN b.period_end = l.last_end THEN b.number END) AS last
            FROM base b JOIN latest l ON l.unit_id = b.unit_id AND l.indicator_id = b.indicator_id
            GROUP BY b.unit_id, b.indicator_id
        )"""
    return per_indicator


def _combined_sql(per_indicator: str, *, breakdown: bool, totals: bool = True) -> str:
    """From `per_indicator` (the CTEs ending in it): each unit's value by the time rule, then the
    total over units by the unit rule. Per-unit rows first (unit_id set) when asked, then totals."""
    indicator = Indicator._meta.db_table
    rows = "SELECT unit_id, code, value, 1 FROM per_unit" if breakdown else ""
    if totals:
        rows = f"{rows} UNION ALL " if rows else ""
    return f"""
        WITH {per_indicator},
        per_unit AS (
            SELECT p.unit_id, i.code, i.unit_aggregation AS ua,
                   CASE i.time_aggregation
                       WHEN 'sum' THEN p.total WHEN 'avg' THEN p.mean WHEN 'max' THEN p.top ELSE p.last
                   END AS value
            FROM per_indicator p JOIN {indicator} i ON i.id = p.indicator_id
        )
        {rows}{_TOTALS if totals else ""}"""


_TOTALS = """SELECT NULL, code,
               CASE MAX(ua)
                   WHEN 'sum' THEN SUM(value) WHEN 'avg' THEN AVG(value)
                   WHEN 'max' THEN MAX(value) WHEN 'min' THEN MIN(value)
               END,
               COUNT(value)
        FROM per_unit GROUP BY code"""


def consolidate(
    unit: OrgUnit,
    period: Period,
    template_code: str,
    *,
    statuses=ACCEPTED_ONLY,
    with_breakdown: bool = True,
    with_narratives: bool = True,
    use_rollup: bool = True,
) -> Consolidation:
    """Tổng hợp: the totals, coverage, per-unit breakdown and compiled texts, in a fixed number of
    statements. Read from the roll-up, the breakdown (`result.per_unit`) is read by one more small
    statement on first use; read from the values, it comes in the same pass as the totals. Without
    `with_breakdown`, `per_unit` stays empty; without `with_narratives`, so do the texts.
    `use_rollup=False` reads the values even when the roll-up could serve (to compare, to measure)."""
    statuses = tuple(statuses)
    result = Consolidation(unit=unit, period=period, template_code=template_code, statuses=statuses)
    selection = select(unit, period, template_code)
    result.mode = selection.mode
    result.indicators, result.sections = _latest_template_parts(template_code)
    if not selection.assignment_ids:
        return result  # nothing was asked for in this period
    result.units = _units(selection, statuses)
    result.submitted_unit_ids = {u.pk for u in result.units if u.has_counted_report}
    if result.submitted_unit_ids:
        where, where_params = selection.where(statuses)
        if use_rollup and _rollup_holds(selection, period, statuses):
            _from_rollup(result, selection, where, where_params, with_breakdown)
        if result.source != "rollup":  # one pass over the values, the breakdown with the totals
            sql = _combined_sql(_per_indicator_sql(where), breakdown=with_breakdown)
            _read(result, sql, where_params, breakdown=with_breakdown)
        if with_narratives:
            result.narratives = _narratives(where, where_params)
    for indicator in result.indicators:
        if indicator.unit_aggregation == UnitAggregation.NONE:
            result.totals[indicator.code] = None
    return result


def _latest_template_parts(template_code: str) -> tuple[list[Indicator], list[Section]]:
    """The indicators and sections of the latest version of the template that was asked for."""
    template, assignment = ReportTemplate._meta.db_table, Assignment._meta.db_table
    latest = f"""SELECT t.id FROM {template} t
        WHERE t.code = %s AND EXISTS (SELECT 1 FROM {assignment} a WHERE a.template_id = t.id)
        ORDER BY t.version DESC LIMIT 1"""
    return tuple(
        list(
            model.objects.raw(
                f'SELECT * FROM {model._meta.db_table} WHERE template_id = ({latest}) ORDER BY "order"',
                [template_code],
            )
        )
        for model in (Indicator, Section)
    )


def _units(selection: Selection, statuses) -> list[OrgUnit]:
    """Every unit asked to report, by name, each with `has_counted_report` (a report of the statuses counted)."""
    unit, submission = OrgUnit._meta.db_table, Submission._meta.db_table
    asked, params = selection.where(None)
    return list(
        OrgUnit.objects.raw(
            f"""SELECT u.*, c.counted AS has_counted_report FROM {unit} u JOIN (
                SELECT s.unit_id, MAX(CASE WHEN s.status IN ({_marks(statuses)}) THEN 1 ELSE 0 END) AS counted
                FROM {submission} s WHERE {asked} GROUP BY s.unit_id
            ) c ON c.unit_id = u.id
            ORDER BY u.name_folded""",
            [*statuses, *params],
        )
    )


def _rollup_holds(selection: Selection, period: Period, statuses) -> bool:
    """Whether the roll-up holds these reports together, provided it is in step (see `_from_rollup`).

    It does when only accepted reports count, the unit (or a predecessor) asked for them, the period
    is a quarter, 6 months, 9 months or year, and the chosen reports are all those of their kinds
    within it (the rule “reports of exactly the period win, else the finest” picks whole kinds)."""
    return (
        set(statuses) == set(ACCEPTED_ONLY)
        and selection.mode == "given"
        and selection.whole_kinds
        and rollups.is_container(period)
    )


def _from_rollup(
    result: Consolidation, selection: Selection, where: str, where_params, with_breakdown
) -> None:
    """Read the totals from the roll-up into `result` (and set its source) if the roll-up is in step.

    One unit that asked for one kind of report: one row per indicator (the second level); else the
    units' rows, combined. The same statement compares the roll-up's stamps with the accepted reports
    found now; when they differ (a status changed around the services, a bulk load without a
    rebuild), nothing is kept and the values are read instead."""
    args = (selection.assigner_ids, result.template_code, result.period, selection.kinds)
    per_indicator, params = rollups.per_indicator_sql(*args)
    if len(selection.assigner_ids) == 1 and len(selection.kinds) == 1:
        sql, totals_params = rollups.totals_sql(
            selection.assigner_ids[0], result.template_code, result.period, selection.kinds[0]
        )
    else:
        sql, totals_params = _combined_sql(per_indicator, breakdown=False), params
    in_step, in_step_params = rollups.in_step_sql(*args)
    submission = Submission._meta.db_table
    sql += f"""
        UNION ALL
        SELECT st.changed, NULL, st.reports - su.reports, CAST(st.checksum - su.checksum AS BIGINT)
        FROM ({in_step}) st, (
            SELECT COUNT(*) AS reports, COALESCE(SUM(s.id), 0) AS checksum FROM {submission} s WHERE {where}
        ) su"""
    if _read(result, sql, [*totals_params, *in_step_params, *where_params], checked=True):
        result.source = "rollup"
        if with_breakdown:  # a small second read, when (if) the breakdown is shown
            result.breakdown_loader = lambda: _breakdown(per_indicator, params)


def _read(result: Consolidation, sql: str, params: list, *, breakdown=False, checked=False) -> bool:
    """Run a consolidation statement: total rows (NULL, code, value, count), per-unit rows (unit, code,
    value, 1) and, when `checked`, one check row (changed rules, NULL, report difference, checksum
    difference). Keeps nothing and returns False when the check row says the roll-up is not in step."""
    totals, reporting, per_unit, in_step = {}, {}, {}, not checked
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for unit_id, code, value, count in cursor.fetchall():
            if code is None:
                in_step = unit_id == 0 and value == 0 and count == 0
            elif unit_id is None:
                totals[code] = _decimal(value)
                reporting[code] = count
            else:
                per_unit.setdefault(unit_id, {})[code] = _decimal(value)
    if in_step:
        result.totals.update(totals)
        result.reporting.update(reporting)
        if breakdown:
            result.per_unit = per_unit
    return in_step


def _breakdown(per_indicator: str, params: list) -> dict[int, dict[str, Decimal]]:
    per_unit: dict[int, dict[str, Decimal]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_combined_sql(per_indicator, breakdown=True, totals=False), params)
        for unit_id, code, value, _count in cursor.fetchall():
            per_unit.setdefault(unit_id, {})[code] = _decimal(value)
    return per_unit


_CENT = Decimal("0.01")


def _decimal(value) -> Decimal | None:
    """Database numbers (Decimal on PostgreSQL, int or float on SQLite) as Decimals to two places."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(_CENT)


def _narratives(where: str, params: list) -> list[tuple[str, list[tuple[str, str]]]]:
    """compiled_narratives() of the reports `where` selects, in one statement returning plain rows."""
    narrative, section, submission, unit, assignment = (
        Narrative._meta.db_table,
        Section._meta.db_table,
        Submission._meta.db_table,
        OrgUnit._meta.db_table,
        Assignment._meta.db_table,
    )
    by_section = defaultdict(list)
    titles = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT x.code, x.title, u.name, a.period_label, n.text
            FROM {narrative} n
            JOIN {section} x ON x.id = n.section_id
            JOIN {submission} s ON s.id = n.submission_id
            JOIN {unit} u ON u.id = s.unit_id
            JOIN {assignment} a ON a.id = s.assignment_id
            WHERE n.text <> '' AND {where}
            ORDER BY x."order", u.name_folded, a.period_start""",
            params,
        )
        for code, title, unit_name, period_label, text in cursor.fetchall():
            titles[code] = f"{code}. {title}"
            by_section[code].append((f"{unit_name} ({period_label})", text))
    return [(titles[key], entries) for key, entries in by_section.items()]


def compiled_narratives(submissions) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's texts, unit by unit (and period by period), for the person writing the report."""
    by_section = defaultdict(list)
    titles = {}
    rows = (
        Narrative.objects.filter(submission__in=submissions)
        .exclude(text="")
        .select_related("section", "submission__unit", "submission__assignment")
        .order_by("section__order", "submission__unit__name_folded", "submission__assignment__period_start")
    )
    for narrative in rows:
        key = narrative.section.code
        titles[key] = f"{narrative.section.code}. {narrative.section.title}"
        label = f"{narrative.submission.unit} ({narrative.submission.assignment.period_label})"
        by_section[key].append((label, narrative.text))
    return [(titles[key], entries) for key, entries in by_section.items()]


def own_over_time(unit: OrgUnit, period: Period, template_code: str) -> dict[str, Decimal]:
    """A unit's own figures for a period from its own shorter reports (e.g. six monthly ones), by each
    indicator's time rule: what a 6-month report is prefilled with."""
    finer = list(
        Assignment.objects.filter(
            template__code=template_code,
            period_start__gte=period.start,
            period_end__lte=period.end,
            submissions__unit=unit,
        ).exclude(period_key=period.key)
    )
    finer = _one_length(finer, period)
    if not finer:
        return {}
    where, params = Selection([a.pk for a in finer], "given", [unit.pk]).where(SUBMITTED_TOO)
    with connection.cursor() as cursor:
        cursor.execute(_rollup_sql(f"{where} AND s.unit_id = %s", breakdown=False), [*params, unit.pk])
        return {code: _decimal(value) for _unit, code, value, _count in cursor.fetchall()}


def monthly_series(
    unit: OrgUnit, template_code: str, codes: list[str], months: list[Period]
) -> dict[str, dict]:
    """Summed monthly figures of the reports a unit asked for: {code: {period key: value}}, one query.

    For the dashboard's charts; only indicators that add up over units are meaningful here.
    """
    if not months:
        return {}
    sources = [unit.pk, *org_queries.predecessor_ids(unit.pk)]
    rows = (
        Value.objects.filter(
            indicator__code__in=codes,
            submission__status__in=SUBMITTED_TOO,
            submission__assignment__template__code=template_code,
            submission__assignment__assigner_id__in=sources,
            submission__assignment__period_key__in=[m.key for m in months],
        )
        .values_list("indicator__code", "submission__assignment__period_key")
        .annotate(total=models.Sum("number"))
    )
    series = {code: {} for code in codes}
    for code, key, total in rows:
        series[code][key] = _decimal(total)
    return series
