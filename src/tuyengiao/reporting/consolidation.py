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
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connection

from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting.models import (
    Assignment,
    Indicator,
    Narrative,
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
    per_unit: dict[int, dict[str, Decimal]] = field(default_factory=dict)  # unit id → code → value
    units: list[OrgUnit] = field(default_factory=list)  # every unit asked to report
    submitted_unit_ids: set[int] = field(default_factory=set)
    narratives: list[tuple[str, list[tuple[str, str]]]] = field(
        default_factory=list
    )  # section → (unit, text)
    mode: str = "given"

    @property
    def coverage_label(self) -> str:
        return f"{len(self.submitted_unit_ids)}/{len(self.units)} đơn vị đã nộp"

    @property
    def missing_units(self) -> list[OrgUnit]:
        return [unit for unit in self.units if unit.pk not in self.submitted_unit_ids]


def _assignments(unit: OrgUnit, period: Period, template_code: str):
    within = Assignment.objects.filter(
        template__code=template_code, period_start__gte=period.start, period_end__lte=period.end
    )
    sources = [unit.pk, *org_queries.predecessor_ids(unit.pk)]
    given = within.filter(assigner_id__in=sources)
    if given.exists():
        return list(given), "given", sources
    return list(within), "path", sources


def _one_length(assignments: list[Assignment], period: Period) -> list[Assignment]:
    exact = [a for a in assignments if a.period_key == period.key]
    if exact:
        return exact
    if not assignments:
        return []
    finest = min(FINENESS.get(a.period_kind, 9) for a in assignments)
    return [a for a in assignments if FINENESS.get(a.period_kind, 9) == finest]


def selected_submissions(unit: OrgUnit, period: Period, template_code: str):
    """The submissions asked for (any status) that the consolidation is made of, and the mode."""
    assignments, mode, sources = _assignments(unit, period, template_code)
    assignments = _one_length(assignments, period)
    submissions = Submission.objects.filter(assignment__in=assignments)
    if mode == "path":
        assigners = {a.assigner_id for a in assignments}
        submissions = submissions.filter(
            pk__in=SubmissionAncestor.objects.filter(ancestor_id__in=sources).values("submission_id")
        ).exclude(unit_id__in=[*sources, *assigners])
    return submissions, mode


def _aggregate_sql(submission_sql: str) -> str:
    value, submission, assignment, indicator = (
        Value._meta.db_table,
        Submission._meta.db_table,
        Assignment._meta.db_table,
        Indicator._meta.db_table,
    )
    return f"""
        WITH base AS (
            SELECT s.unit_id, i.code, i.time_aggregation AS ta, i.unit_aggregation AS ua, v.number,
                   ROW_NUMBER() OVER (PARTITION BY s.unit_id, i.code ORDER BY a.period_end DESC) AS rn
            FROM {value} v
            JOIN {submission} s ON s.id = v.submission_id
            JOIN {assignment} a ON a.id = s.assignment_id
            JOIN {indicator} i ON i.id = v.indicator_id
            WHERE v.number IS NOT NULL AND s.id IN ({submission_sql})
        ),
        per_unit AS (
            SELECT unit_id, code, MAX(ua) AS ua,
                   CASE MAX(ta)
                       WHEN 'sum' THEN SUM(number)
                       WHEN 'avg' THEN AVG(number)
                       WHEN 'max' THEN MAX(number)
                       ELSE MAX(CASE WHEN rn = 1 THEN number END)
                   END AS value
            FROM base GROUP BY unit_id, code
        )"""


def _totals_sql(submission_sql: str) -> str:
    return (
        _aggregate_sql(submission_sql)
        + """
        SELECT code,
               CASE MAX(ua)
                   WHEN 'sum' THEN SUM(value)
                   WHEN 'avg' THEN AVG(value)
                   WHEN 'max' THEN MAX(value)
                   WHEN 'min' THEN MIN(value)
               END,
               COUNT(value)
        FROM per_unit GROUP BY code"""
    )


def consolidate(
    unit: OrgUnit,
    period: Period,
    template_code: str,
    *,
    statuses=ACCEPTED_ONLY,
    with_breakdown: bool = True,
    with_narratives: bool = True,
) -> Consolidation:
    result = Consolidation(unit=unit, period=period, template_code=template_code, statuses=tuple(statuses))
    asked, result.mode = selected_submissions(unit, period, template_code)
    counted = asked.filter(status__in=statuses)
    result.units = list(OrgUnit.objects.filter(pk__in=asked.values("unit_id")).order_by("name_folded"))
    result.submitted_unit_ids = set(counted.values_list("unit_id", flat=True))
    latest = Assignment.objects.filter(template__code=template_code).order_by("-template__version").first()
    if latest is not None:
        result.indicators = list(latest.template.indicators.all())
        result.sections = list(latest.template.sections.all())
    try:
        submission_sql, params = counted.values("pk").query.sql_with_params()
    except EmptyResultSet:  # nothing was asked for in this period
        return result
    with connection.cursor() as cursor:
        cursor.execute(_totals_sql(submission_sql), params)
        for code, total, count in cursor.fetchall():
            result.totals[code] = _decimal(total)
            result.reporting[code] = count
        if with_breakdown:
            cursor.execute(
                _aggregate_sql(submission_sql) + " SELECT unit_id, code, value FROM per_unit", params
            )
            for unit_id, code, value in cursor.fetchall():
                result.per_unit.setdefault(unit_id, {})[code] = _decimal(value)
    for indicator in result.indicators:
        if indicator.unit_aggregation == UnitAggregation.NONE:
            result.totals[indicator.code] = None
    if with_narratives:
        result.narratives = compiled_narratives(counted)
    return result


def _decimal(value) -> Decimal | None:
    """Database numbers (Decimal on PostgreSQL, int or float on SQLite) as Decimals to two places."""
    if value is None:
        return None
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.quantize(Decimal("0.01"))


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
    finer = [
        a
        for a in Assignment.objects.filter(
            template__code=template_code,
            period_start__gte=period.start,
            period_end__lte=period.end,
            submissions__unit=unit,
        ).exclude(period_key=period.key)
    ]
    finer = _one_length(finer, period)
    counted = Submission.objects.filter(assignment__in=finer, unit=unit, status__in=SUBMITTED_TOO)
    try:
        submission_sql, params = counted.values("pk").query.sql_with_params()
    except EmptyResultSet:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_aggregate_sql(submission_sql) + " SELECT code, value FROM per_unit", params)
        return {code: _decimal(value) for code, value in cursor.fetchall()}
