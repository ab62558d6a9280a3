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

from django.db import connection, models

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


@dataclass
class Selection:
    """The reports a consolidation reads: assignments, and in path mode the path and the units left out."""

    assignment_ids: list[int]
    mode: str
    sources: list[int]
    excluded_units: list[int] = field(default_factory=list)

    def submissions(self):
        submissions = Submission.objects.filter(assignment_id__in=self.assignment_ids)
        if self.mode == "path":
            on_path = SubmissionAncestor.objects.filter(ancestor_id__in=self.sources).values("submission_id")
            submissions = submissions.filter(pk__in=on_path).exclude(unit_id__in=self.excluded_units)
        return submissions

    def where(self, statuses) -> tuple[str, list]:
        """The same selection as SQL over `s` (the submissions table), with its parameters."""
        sql = f"s.assignment_id IN ({_marks(self.assignment_ids)}) AND s.status IN ({_marks(statuses)})"
        params = [*self.assignment_ids, *statuses]
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
    assignments, mode, sources = _assignments(unit, period, template_code)
    assignments = _one_length(assignments, period)
    excluded = [*sources, *{a.assigner_id for a in assignments}] if mode == "path" else []
    return Selection([a.pk for a in assignments], mode, sources, excluded)


def selected_submissions(unit: OrgUnit, period: Period, template_code: str):
    """The submissions asked for (any status) that the consolidation is made of, and the mode."""
    selection = select(unit, period, template_code)
    return selection.submissions(), selection.mode


def _rollup_sql(where: str, *, breakdown: bool) -> str:
    """Per unit over time by each indicator's rule, then over units: one statement, hash-friendly.

    "Last" over time is the value of the latest period a unit reported. PostgreSQL takes it in the
    same pass, as the greatest (period, value) pair; SQLite, which has no arrays, joins on the
    latest period. Either way the database groups by hashing, not by sorting with a window.
    The per-unit rows (unit_id set) come first when asked for, then one total row per code.
    """
    value, submission, assignment, indicator = (
        Value._meta.db_table,
        Submission._meta.db_table,
        Assignment._meta.db_table,
        Indicator._meta.db_table,
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
    rows = "SELECT unit_id, code, value, 1 FROM per_unit UNION ALL " if breakdown else ""
    return f"""
        WITH {per_indicator},
        per_unit AS (
            SELECT p.unit_id, i.code, i.unit_aggregation AS ua,
                   CASE i.time_aggregation
                       WHEN 'sum' THEN p.total WHEN 'avg' THEN p.mean WHEN 'max' THEN p.top ELSE p.last
                   END AS value
            FROM per_indicator p JOIN {indicator} i ON i.id = p.indicator_id
        )
        {rows}SELECT NULL, code,
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
) -> Consolidation:
    statuses = tuple(statuses)
    result = Consolidation(unit=unit, period=period, template_code=template_code, statuses=statuses)
    selection = select(unit, period, template_code)
    result.mode = selection.mode
    latest = Assignment.objects.filter(template__code=template_code).order_by("-template__version").first()
    if latest is not None:
        result.indicators = list(latest.template.indicators.all())
        result.sections = list(latest.template.sections.all())
    if not selection.assignment_ids:
        return result  # nothing was asked for in this period
    asked = selection.submissions()
    counted = asked.filter(status__in=statuses)
    result.units = list(OrgUnit.objects.filter(pk__in=asked.values("unit_id")).order_by("name_folded"))
    result.submitted_unit_ids = set(counted.values_list("unit_id", flat=True))
    where, params = selection.where(statuses)
    with connection.cursor() as cursor:
        cursor.execute(_rollup_sql(where, breakdown=with_breakdown), params)
        for unit_id, code, value, count in cursor.fetchall():
            if unit_id is None:
                result.totals[code] = _decimal(value)
                result.reporting[code] = count
            else:
                result.per_unit.setdefault(unit_id, {})[code] = _decimal(value)
    for indicator in result.indicators:
        if indicator.unit_aggregation == UnitAggregation.NONE:
            result.totals[indicator.code] = None
    if with_narratives:
        result.narratives = compiled_narratives(counted)
    return result


_CENT = Decimal("0.01")


def _decimal(value) -> Decimal | None:
    """Database numbers (Decimal on PostgreSQL, int or float on SQLite) as Decimals to two places."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(_CENT)


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
