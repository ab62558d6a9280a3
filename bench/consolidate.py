"""Benchmark: consolidating a half-year of monthly reports on national synthetic data, on PostgreSQL.

The data: the centre, the 34 provinces (the real reference data, with the 2025 merges), 3,321
communes from 01/07/2025 spread over them; one template of 150 integer indicators; for each month
of 2026 every province asks its communes for a report (accepted) and the centre asks the provinces
for theirs, each province report holding the figures of its communes: about 6 million values.

The data is loaded in bulk, so the roll-up (số liệu cộng dồn, reporting.rollups) is rebuilt once
after the load, as any bulk load must, and that rebuild is timed with the build.

Times consolidate() for the first half of 2026 for the centre (34 province reports a month), for
one province (its communes' reports) and for one commune (it asked for nothing: consolidation by
path), beside a hand-written single SQL aggregate over the centre's rows (the floor) and a naive
per-unit ORM loop on a slice of communes. The timed call is consolidate() as the callers make it:
totals, coverage, units and compiled texts, reading the roll-up when it holds the reports; the
per-unit breakdown, read on first use of `result.per_unit`, is timed on its own, and so is the
same consolidation told to read the values (`use_rollup=False`, the path before the roll-up).
Prints figures, asserts nothing; the last line printed is one JSON object with them. Targets:
centre ≤ 300 ms, province ≤ 30 ms, within 1.5× of the floor, peak memory of the process ≤ 300 MB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/consolidate.py
    .venv/bin/python bench/consolidate.py --scale small            # a tenth of the communes
    .venv/bin/python bench/consolidate.py --scale small --sqlite

The benchmark builds its own database (`tuyengiao_bench_consolidate`) and leaves the others alone.
"""

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse, urlunparse

DB_NAME = "tuyengiao_bench_consolidate"
YEAR = 2026
COMMUNES = {"full": 3_321, "small": 332}
INDICATORS = 150
NAIVE_SLICE = {"full": 20, "small": 5}  # communes in the naive loop
PROVINCE = "Thái Nguyên"  # merged with Bắc Kạn in 2025: its consolidation also walks the lineage
TARGETS = {"centre_ms": 300, "province_ms": 30, "ratio_to_floor": 1.5, "peak_rss_mb": 300}


def prepare_database(use_sqlite: bool) -> str:
    if use_sqlite:
        path = Path(os.environ.get("TUYENGIAO_HOME", ".")) / "var" / "bench_consolidate.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    admin_url = urlunparse(base._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    return urlunparse(base._replace(path=f"/{DB_NAME}"))


def tables():
    from tuyengiao.orgs.models import OrgUnit, UnitLink
    from tuyengiao.reporting.models import Assignment, Indicator, Submission, SubmissionAncestor, Value

    return {
        "unit": OrgUnit._meta.db_table,
        "link": UnitLink._meta.db_table,
        "assignment": Assignment._meta.db_table,
        "submission": Submission._meta.db_table,
        "ancestor": SubmissionAncestor._meta.db_table,
        "indicator": Indicator._meta.db_table,
        "value": Value._meta.db_table,
    }


def step(label, start):
    print(f"  {label:<58} {time.perf_counter() - start:6.1f} s", flush=True)
    return time.perf_counter()


def build(n_communes: int) -> dict:
    """Bulk SQL, not the services: the tree, the template, 12 months of assignments, reports, values."""
    from django.db import connection
    from django.utils import timezone

    from tuyengiao.core.text import fold
    from tuyengiao.orgs import scope
    from tuyengiao.orgs.models import OrgUnit, UnitKind, UnitLink
    from tuyengiao.orgs.reference import REFORM_DATE, load_provinces
    from tuyengiao.reporting.models import (
        Assignment,
        Indicator,
        ReportTemplate,
        Submission,
        SubmissionAncestor,
        SubmissionStatus,
        TemplateStatus,
        TimeAggregation,
        UnitAggregation,
        Value,
    )
    from tuyengiao.reporting.periods import month

    t = tables()
    postgres = connection.vendor == "postgresql"
    start = time.perf_counter()
    centre, _ = load_provinces()
    provinces = list(OrgUnit.objects.filter(kind=UnitKind.PROVINCE).valid_on(REFORM_DATE).order_by("code"))
    communes = OrgUnit.objects.bulk_create(
        (
            OrgUnit(
                kind=UnitKind.COMMUNE,
                name=f"Xã {i}",
                name_folded=fold(f"Xã {i}"),
                code=f"N{i:05d}",
                valid_from=REFORM_DATE,
            )
            for i in range(n_communes)
        ),
        batch_size=2000,
    )
    UnitLink.objects.bulk_create(
        (
            UnitLink(child=c, parent=provinces[i % len(provinces)], valid_from=REFORM_DATE)
            for i, c in enumerate(communes)
        ),
        batch_size=2000,
    )
    scope.rebuild()  # bulk_create bypasses the services that keep the closure up to date
    start = step(f"tree: centre, {len(provinces)} provinces, {n_communes:,} communes", start)

    template = ReportTemplate.objects.create(
        code="BENCH", name="Báo cáo tháng (benchmark)", owner=centre, status=TemplateStatus.PUBLISHED
    )
    Indicator.objects.bulk_create(
        Indicator(
            template=template,
            order=i,
            code=f"C{i:03d}",
            name=f"Chỉ tiêu {i}",
            time_aggregation=TimeAggregation.LAST if i % 5 == 0 else TimeAggregation.SUM,
            unit_aggregation=UnitAggregation.AVG if i % 7 == 0 else UnitAggregation.SUM,
        )
        for i in range(1, INDICATORS + 1)
    )
    assignments = []
    for m in range(1, 13):
        period = month(YEAR, m)
        deadline = period.end + dt.timedelta(days=5)
        for assigner in [centre, *provinces]:
            assignments.append(
                Assignment(
                    template=template,
                    assigner=assigner,
                    period_key=period.key,
                    period_label=period.label,
                    period_kind=period.kind.value,
                    period_start=period.start,
                    period_end=period.end,
                    deadline=deadline,
                )
            )
    Assignment.objects.bulk_create(assignments)
    # One accepted report per unit below the assigner: communes for a province, provinces for the centre.
    below = defaultdict(list)
    for i, commune in enumerate(communes):
        below[provinces[i % len(provinces)].pk].append(commune.pk)
    below[centre.pk] = [p.pk for p in provinces]
    at = timezone.make_aware(dt.datetime(YEAR, 6, 30, 9, 0), dt.UTC)
    for m in range(1, 13):
        Submission.objects.bulk_create(
            (
                Submission(
                    assignment=a,
                    unit_id=unit_id,
                    status=SubmissionStatus.ACCEPTED,
                    submitted_at=at,
                    first_submitted_at=at,
                    accepted_at=at,
                )
                for a in assignments
                if a.period_start.month == m
                for unit_id in below[a.assigner_id]
            ),
            batch_size=2000,
        )
    with connection.cursor() as cursor:
        # The path of each report: the unit, its assigner, and the centre above a province.
        columns, constants, params = other_columns(SubmissionAncestor, {"submission", "ancestor"})
        for select in (
            f"SELECT s.id, s.unit_id{constants} FROM {t['submission']} s",
            f"SELECT s.id, a.assigner_id{constants} FROM {t['submission']} s"
            f" JOIN {t['assignment']} a ON a.id = s.assignment_id",
            f"SELECT s.id, {centre.pk}{constants} FROM {t['submission']} s"
            f" JOIN {t['assignment']} a ON a.id = s.assignment_id WHERE a.assigner_id <> {centre.pk}",
        ):
            cursor.execute(
                f"INSERT INTO {t['ancestor']} (submission_id, ancestor_id{columns}) {select}", params
            )
        start = step("template, 12 × (34 + 1) assignments, reports, paths", start)

        columns, constants, params = other_columns(
            Value, {"submission", "indicator", "raw", "number", "text"}
        )
        if postgres:
            cursor.execute("SELECT setseed(0.2026)")
            cursor.execute("SET work_mem = '256MB'")
            random_number = "floor(random() * 1000)::int"
            materialized = ""
            dropped = drop_value_constraints(cursor, t["value"])
        else:
            random_number = "abs(random()) % 1000"
            materialized = "MATERIALIZED"  # else SQLite flattens it and draws raw and number apart
        for m in range(1, 13):
            # The communes' values, month by month, each report's values together as typed.
            cursor.execute(
                f"""
                WITH g AS {materialized} (
                    SELECT s.id AS sid, i.id AS iid, {random_number} AS n
                    FROM {t["submission"]} s
                    JOIN {t["assignment"]} a ON a.id = s.assignment_id
                    CROSS JOIN {t["indicator"]} i
                    WHERE a.template_id = %s AND a.period_key = %s AND a.assigner_id <> %s
                      AND i.template_id = %s
                )
                INSERT INTO {t["value"]} (submission_id, indicator_id, raw, number, text{columns})
                SELECT sid, iid, CAST(n AS TEXT), n, ''{constants} FROM g ORDER BY sid, iid
                """,
                [template.pk, month(YEAR, m).key, centre.pk, template.pk, *params],
            )
            if m in (1, 6, 12):
                start = step(f"communes' values up to {month(YEAR, m).label}", start)
        if postgres:
            restore_value_constraints(cursor, t["value"], dropped)
            start = step("indexes and constraints of the values put back", start)
        # Each province's monthly report to the centre: its communes' figures added up (or averaged).
        cursor.execute(
            f"""
            INSERT INTO {t["value"]} (submission_id, indicator_id, raw, number, text{columns})
            SELECT ps.id, agg.indicator_id, CAST(agg.n AS TEXT), agg.n, ''{constants}
            FROM (
                SELECT ca.assigner_id AS province_id, ca.period_key, v.indicator_id,
                       CASE MAX(i.unit_aggregation) WHEN 'avg' THEN ROUND(AVG(v.number), 4)
                            ELSE SUM(v.number) END AS n
                FROM {t["value"]} v
                JOIN {t["submission"]} cs ON cs.id = v.submission_id
                JOIN {t["assignment"]} ca ON ca.id = cs.assignment_id
                JOIN {t["indicator"]} i ON i.id = v.indicator_id
                WHERE ca.template_id = %s AND ca.assigner_id <> %s
                GROUP BY ca.assigner_id, ca.period_key, v.indicator_id
            ) agg
            JOIN {t["assignment"]} pa ON pa.template_id = %s AND pa.period_key = agg.period_key
                AND pa.assigner_id = %s
            JOIN {t["submission"]} ps ON ps.assignment_id = pa.id AND ps.unit_id = agg.province_id
            ORDER BY ps.id, agg.indicator_id
            """,
            [*params, template.pk, centre.pk, template.pk, centre.pk],
        )
        start = step("the provinces' reports to the centre", start)
        if postgres:
            cursor.execute("RESET work_mem")
    from tuyengiao.reporting import rollups

    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET work_mem = '256MB'")
    rollup_start = time.perf_counter()
    rollup_rows = rollups.rebuild()
    rollup_s = time.perf_counter() - rollup_start
    start = step(f"roll-up rebuilt after the bulk load: {rollup_rows:,} rows", start)
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("RESET work_mem")
        cursor.execute("VACUUM ANALYZE" if postgres else "ANALYZE")
        step("VACUUM ANALYZE" if postgres else "ANALYZE", start)
    return {"centre": centre, "template": template, "rollup_rows": rollup_rows, "rollup_s": rollup_s}


def other_columns(model, given: set[str]) -> tuple[str, str, list]:
    """The columns a raw INSERT does not set, with their model defaults: (", a, b", ", %s, %s", values).

    Other engineers add fields; the bulk SQL keeps working as long as the new ones have a default.
    """
    from django.db import connection

    fields = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in given and not (f.null and not f.has_default())
    ]
    values = [f.get_db_prep_save(f.get_default(), connection) for f in fields]
    return "".join(f", {f.column}" for f in fields), ", %s" * len(fields), values


def drop_value_constraints(cursor, table: str) -> list[str]:
    """PostgreSQL: drop the values' secondary indexes and constraints for the load; returns how to put them back.

    Row-by-row index upkeep and foreign-key triggers would make the 6 million rows take minutes;
    rebuilt afterwards (the same definitions, read from the catalogue) they take seconds.
    """
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype IN ('u', 'f')",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " WHERE i.indrelid = %s::regclass AND NOT EXISTS"
        " (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)",
        [table],
    )
    indexes = cursor.fetchall()
    for name, _ in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in indexes] + [
        f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for name, definition in constraints
    ]


def restore_value_constraints(cursor, table: str, statements: list[str]) -> None:
    cursor.execute("SET maintenance_work_mem = '512MB'")
    for statement in statements:
        cursor.execute(statement)
    cursor.execute("RESET maintenance_work_mem")


def measure(label, fn, repeat):
    """Warm once, then the median of `repeat` runs (ms) and the last result."""
    result = fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    print(f"  {label:<46} median {median:8.2f} ms   min {min(samples):8.2f}   max {max(samples):8.2f}")
    return median, result


def query_profile(fn):
    """Run fn once and say how many statements it sent and how long those reading the values (or the
    roll-up) took."""
    from django.db import connection

    from tuyengiao.reporting.models import Rollup, Value

    timings = []

    def wrapper(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((sql, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(wrapper):
        fn()
    over_values = [ms for sql, ms in timings if Value._meta.db_table in sql]
    over_rollup = [
        ms for sql, ms in timings if Rollup._meta.db_table in sql and Value._meta.db_table not in sql
    ]
    other = sum(ms for sql, ms in timings) - sum(over_values) - sum(over_rollup)
    return (
        f"{len(timings)} statements: {len(over_values)} over the values {sum(over_values):.1f} ms, "
        f"{len(over_rollup)} over the roll-up {sum(over_rollup):.1f} ms, "
        f"the others {other:.1f} ms (execution, without fetching)"
    )


def floor_sql(n_assigners: int):
    t = tables()
    assigners = ", ".join(["%s"] * n_assigners)
    return f"""
        SELECT v.indicator_id, SUM(v.number), AVG(v.number), COUNT(v.number)
        FROM {t["value"]} v
        JOIN {t["submission"]} s ON s.id = v.submission_id
        JOIN {t["assignment"]} a ON a.id = s.assignment_id
        WHERE a.assigner_id IN ({assigners}) AND a.template_id = %s AND a.period_start >= %s AND a.period_end <= %s
          AND s.status = 'accepted' AND v.number IS NOT NULL
        GROUP BY v.indicator_id"""


def run_floor(assigner_ids, template_id, period):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(floor_sql(len(assigner_ids)), [*assigner_ids, template_id, period.start, period.end])
        return cursor.fetchall()


def naive(communes, indicators, period):
    """The loop a first version would write: per commune, per report, per indicator, one query."""
    from tuyengiao.reporting.models import Submission, Value

    per_unit = {}
    for commune in communes:
        reports = Submission.objects.filter(
            unit=commune,
            status="accepted",
            assignment__template__code="BENCH",
            assignment__period_start__gte=period.start,
            assignment__period_end__lte=period.end,
        ).order_by("assignment__period_end")
        series = defaultdict(list)
        for report in reports:
            for indicator in indicators:
                value = Value.objects.filter(submission=report, indicator=indicator).first()
                if value is not None and value.number is not None:
                    series[indicator.code].append(value.number)
        per_unit[commune.pk] = {
            i.code: (series[i.code][-1] if i.time_aggregation == "last" else sum(series[i.code]))
            for i in indicators
            if series[i.code]
        }
    totals = {}
    for indicator in indicators:
        numbers = [unit[indicator.code] for unit in per_unit.values() if indicator.code in unit]
        if numbers:
            total = sum(numbers, Decimal(0))
            totals[indicator.code] = total / len(numbers) if indicator.unit_aggregation == "avg" else total
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", choices=sorted(COMMUNES), default="full", help="small: a tenth of the communes"
    )
    parser.add_argument("--sqlite", action="store_true", help="run on SQLite instead of PostgreSQL")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per case (after one warm run)")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = prepare_database(args.sqlite)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    n_communes = COMMUNES[args.scale]
    print(f"building ({args.scale}: {n_communes:,} communes) on {connection.vendor}:", flush=True)
    start = time.perf_counter()
    built = build(n_communes)
    build_s = time.perf_counter() - start

    from tuyengiao.orgs.models import OrgUnit, UnitKind
    from tuyengiao.reporting.consolidation import consolidate
    from tuyengiao.reporting.models import Indicator, Submission, Value
    from tuyengiao.reporting.periods import half

    centre, template = built["centre"], built["template"]
    n_values = Value.objects.count()
    print(
        f"built in {build_s:.1f} s: {OrgUnit.objects.count():,} units, {Submission.objects.count():,} reports, "
        f"{n_values:,} values"
    )

    period = half(YEAR, 1)
    province = OrgUnit.objects.get(kind=UnitKind.PROVINCE, name=PROVINCE, valid_to__gte=dt.date(YEAR, 1, 1))
    communes = list(
        OrgUnit.objects.filter(kind=UnitKind.COMMUNE, parent_links__parent=province).order_by("code")
    )
    commune = communes[0]
    indicators = list(Indicator.objects.filter(template=template).order_by("order"))

    units = (("centre", centre), ("province", province), ("commune", commune))
    print(
        f"consolidate(…, {period.key}, 'BENCH'), warm once, median of {args.repeat}. Timed: the selection,"
        " indicators and sections, the units asked (and which have reported), the totals with the check"
        " that the roll-up is in step with the accepted reports, the compiled texts; not the per-unit"
        " breakdown (read on first use of result.per_unit, timed below):"
    )
    cases = {}
    for key, unit in units:
        ms, result = measure(
            f"{key}: {unit.name}", lambda unit=unit: consolidate(unit, period, "BENCH"), args.repeat
        )
        cases[key] = (ms, result)
        print(
            f"      mode {result.mode}, {result.coverage_label}, {len(result.totals)} totals, "
            f"read the roll-up: {'yes' if result.source == 'rollup' else 'no, the values'}; "
            + query_profile(lambda unit=unit: consolidate(unit, period, "BENCH"))
        )
    print("the same, then the per-unit breakdown (what the page and the XLSX read):")
    with_breakdown = {}
    for key, unit in units:
        ms, result = measure(
            f"{key}: {unit.name} + breakdown",
            lambda unit=unit: consolidate(unit, period, "BENCH").per_unit,
            args.repeat,
        )
        with_breakdown[key] = ms
        print(f"      {len(result)} units × their indicators")
    print(
        "the same consolidation told to read the values (use_rollup=False, the path without the roll-up;"
        " there the breakdown comes in the same pass as the totals, as before the roll-up):"
    )
    raw = {}
    for key, unit in units:
        ms, result = measure(
            f"{key}: {unit.name} (values)",
            lambda unit=unit: consolidate(unit, period, "BENCH", use_rollup=False),
            args.repeat,
        )
        raw[key] = (ms, result)
        print(
            f"      read the roll-up: {'yes' if result.source == 'rollup' else 'no, the values'}; "
            + query_profile(lambda unit=unit: consolidate(unit, period, "BENCH", use_rollup=False))
        )
    both_ways = [
        key
        for key, _unit in units
        if (cases[key][1].totals, cases[key][1].reporting, cases[key][1].per_unit)
        != (raw[key][1].totals, raw[key][1].reporting, raw[key][1].per_unit)
    ]
    print(
        f"  check: totals, counts and breakdown the same both ways for {len(units) - len(both_ways)}/{len(units)}"
        + (f" (differ: {', '.join(both_ways)})" if both_ways else "")
    )

    print("the floor, one hand-written SQL aggregate over the same rows:")
    floor_ms, floor_rows = measure(
        "centre: SUM/AVG GROUP BY indicator",
        lambda: run_floor([centre.pk], template.pk, period),
        args.repeat,
    )
    from tuyengiao.orgs import queries as org_queries

    sources = [province.pk, *org_queries.predecessor_ids(province.pk)]
    floor_province_ms, _ = measure(
        f"province: same over {PROVINCE}'s reports",
        lambda: run_floor(sources, template.pk, period),
        args.repeat,
    )
    # The centre's sum-over-units, sum-over-time indicators must equal the floor's SUM.
    sums = {row[0]: row[1] for row in floor_rows}
    centre_totals = cases["centre"][1].totals
    checked = [i for i in indicators if i.unit_aggregation == "sum" and i.time_aggregation == "sum"]
    disagree = [
        i.code
        for i in checked
        if sums.get(i.pk) is None or Decimal(str(sums[i.pk])) != centre_totals.get(i.code)
    ]
    print(
        f"  check: {len(checked) - len(disagree)}/{len(checked)} sum/sum totals of the centre equal the floor's"
    )

    slice_ = communes[: NAIVE_SLICE[args.scale]]
    print(f"naive ORM loop (per commune, per report, per indicator: one query) on {len(slice_)} communes:")
    start = time.perf_counter()
    naive(slice_, indicators, period)
    naive_ms = (time.perf_counter() - start) * 1000
    per_commune = naive_ms / len(slice_)
    print(
        f"  {len(slice_)} communes in {naive_ms:,.0f} ms: {per_commune:,.0f} ms a commune; "
        f"{PROVINCE} ({len(communes)} communes) ≈ {per_commune * len(communes) / 1000:,.1f} s, "
        f"the country ({n_communes:,}) ≈ {per_commune * n_communes / 1000:,.0f} s"
    )

    centre_ms, province_ms, commune_ms = (cases[k][0] for k in ("centre", "province", "commune"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "scale": args.scale,
        "database": connection.vendor,
        "communes": n_communes,
        "values": n_values,
        "build_s": round(build_s, 1),
        "centre_ms": round(centre_ms, 2),
        "province_ms": round(province_ms, 2),
        "commune_ms": round(commune_ms, 2),
        "floor_ms": round(floor_ms, 2),
        "floor_province_ms": round(floor_province_ms, 2),
        "naive_ms": round(naive_ms, 1),
        "naive_communes": len(slice_),
        "naive_per_commune_ms": round(per_commune, 1),
        "naive_province_est_ms": round(per_commune * len(communes), 1),
        "ratio_to_floor": round(centre_ms / floor_ms, 2),
        "province_ratio_to_floor": round(province_ms / floor_province_ms, 2),
        "peak_rss_mb": round(peak, 1),
        "floor_check_mismatches": len(disagree),
        "read_rollup": {key: cases[key][1].source == "rollup" for key, _unit in units},
        "centre_values_ms": round(raw["centre"][0], 2),
        "province_values_ms": round(raw["province"][0], 2),
        "commune_values_ms": round(raw["commune"][0], 2),
        "centre_with_breakdown_ms": round(with_breakdown["centre"], 2),
        "province_with_breakdown_ms": round(with_breakdown["province"], 2),
        "rollup_rows": built["rollup_rows"],
        "rollup_rebuild_s": round(built["rollup_s"], 1),
        "rollup_vs_values_mismatches": len(both_ways),
    }
    met = {
        "centre_ms": centre_ms <= TARGETS["centre_ms"],
        "province_ms": province_ms <= TARGETS["province_ms"],
        "ratio_to_floor": figures["ratio_to_floor"] <= TARGETS["ratio_to_floor"],
        "peak_rss_mb": peak <= TARGETS["peak_rss_mb"],
    }
    print(
        "targets (full scale): "
        + ", ".join(f"{k} ≤ {TARGETS[k]}: {'met' if ok else 'MISSED'}" for k, ok in met.items())
    )
    print(
        "the timed path read the roll-up: "
        + ", ".join(
            f"{key} {'yes' if cases[key][1].source == 'rollup' else 'no (' + cases[key][1].mode + ' mode: the values)'}"
            for key, _unit in units
        )
    )
    figures["targets_met"] = met
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
