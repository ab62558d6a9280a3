"""Demo reports: two years of monthly and 6-month reports from the communes of Thái Nguyên and
Bắc Kạn (before 01/07/2025) and of the merged Thái Nguyên (after), on the centre's common template.

Deterministic (a seeded generator). Most reports are accepted, some are late, some returned with a
reason, some missing; the current month is open. Written in bulk: the workflow has its own tests
(and the roll-up of accepted reports, reporting.rollups, is rebuilt once at the end).
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.reporting import rollups, services
from tuyengiao.reporting.demo_template import INDICATORS, RULES, SECTIONS
from tuyengiao.reporting.models import (
    Assignment,
    Narrative,
    Submission,
    SubmissionAncestor,
    SubmissionEvent,
    SubmissionStatus,
    Value,
)
from tuyengiao.reporting.periods import half, month
from tuyengiao.reporting.values import format_number

TEMPLATE_CODE = "BC-TG"
RETURN_REASONS = [
    "Số lượt người nghe chưa khớp với số buổi tuyên truyền; đề nghị kiểm tra lại.",
    "Thiếu phần đánh giá tình hình tư tưởng; bổ sung trước ngày họp giao ban.",
    "Số liệu lớp học tập nghị quyết chưa đúng với báo cáo của đảng ủy; rà soát lại.",
]
NARRATIVES = {
    "I": "Tư tưởng cán bộ, đảng viên và nhân dân cơ bản ổn định, tin tưởng vào sự lãnh đạo của Đảng.",
    "III": "Tổ chức hội nghị báo cáo viên định kỳ; tuyên truyền các ngày kỷ niệm lớn của đất nước.",
    "XII": "Một là, tiếp tục tuyên truyền nghị quyết; Hai là, chuẩn bị tổng kết năm.",
}


def _month_values(rng: random.Random, steady: dict) -> dict[str, Decimal]:
    a01, a04, b01, c01, c04, d01, e01 = (
        rng.randint(0, 2),
        rng.randint(2, 8),
        rng.randint(0, 2),
        rng.randint(0, 2),
        rng.randint(0, 1),
        rng.randint(1, 3),
        rng.randint(0, 1),
    )
    values = {
        "A01": a01,
        "A02": a01 * rng.randint(15, 30),
        "A03": steady["A03"],
        "A04": a04,
        "A05": a04 * rng.randint(50, 150),
        "B01": b01,
        "B02": b01 * rng.randint(100, 300),
        "C01": c01,
        "C02": c01 * rng.randint(20, 60),
        "C03": rng.randint(75, 100),
        "C04": c04,
        "C05": c04 * rng.randint(20, 40),
        "D01": d01,
        "D02": d01 * rng.randint(20, 60),
        "E01": e01,
        "E02": e01 * rng.randint(30, 80),
        "E03": steady["E03"],
        "F01": 1,
    }
    return {code: Decimal(value) for code, value in values.items()}


def _half_values(months: list[dict[str, Decimal]]) -> dict[str, Decimal]:
    rules = {code: over_time for code, _n, _u, _t, _ou, over_time, _s in INDICATORS}
    result = {}
    for code, rule in rules.items():
        series = [m[code] for m in months]
        if rule == "last":
            result[code] = series[-1]
        elif rule == "avg":
            result[code] = (sum(series) / len(series)).quantize(Decimal(1))
        else:
            result[code] = sum(series)
    return result


def build_template(
    owner: OrgUnit, *, code: str = TEMPLATE_CODE, name: str = "Báo cáo công tác tuyên giáo (mẫu chung)"
):
    """The demo template (sections, indicators and rules of demo_template.py), published."""
    template = services.create_template(actor=None, owner=owner, code=code, name=name)
    sections = {
        section_code: services.add_section(template, code=section_code, title=title, guidance=guidance)
        for section_code, title, guidance in SECTIONS
    }
    for indicator_code, indicator_name, uom, value_type, over_units, over_time, section in INDICATORS:
        services.add_indicator(
            template,
            code=indicator_code,
            name=indicator_name,
            unit_of_measure=uom,
            value_type=value_type,
            unit_aggregation=over_units,
            time_aggregation=over_time,
            section=sections[section],
            min_value=Decimal(0),
        )
    for expression, message, severity in RULES:
        services.add_rule(template, expression=expression, message=message, severity=severity)
    return services.publish_template(actor=None, template=template)


class _Writer:
    """Collects rows and writes them in a few bulk statements."""

    def __init__(self, template, today: dt.date):
        self.template = template
        self.indicators = {i.code: i for i in template.indicators.all()}
        self.sections = {s.code: s for s in template.sections.all()}
        self.today = today
        self.values, self.narratives, self.ancestors, self.events = [], [], [], []

    def assignment(self, assigner, period, units_paths, deadline):
        assignment = Assignment.objects.create(
            template=self.template,
            assigner=assigner,
            period_key=period.key,
            period_label=period.label,
            period_kind=period.kind.value,
            period_start=period.start,
            period_end=period.end,
            deadline=deadline,
        )
        submissions = Submission.objects.bulk_create(
            Submission(assignment=assignment, unit=u) for u, _p in units_paths
        )
        for submission, (_unit, path) in zip(submissions, units_paths, strict=True):
            self.ancestors.extend(SubmissionAncestor(submission=submission, ancestor_id=a) for a in path)
        return assignment, submissions

    def fill(self, submission, values, *, status, sent_at=None, reason="", narrative_codes=()):
        for code, number in values.items():
            self.values.append(
                Value(
                    submission=submission,
                    indicator=self.indicators[code],
                    raw=format_number(number) if code != "F01" else "Có",
                    number=number,
                )
            )
        for code in narrative_codes:
            self.narratives.append(
                Narrative(submission=submission, section=self.sections[code], text=NARRATIVES[code])
            )
        submission.status = status
        submission.first_submitted_at = submission.submitted_at = sent_at
        submission.accepted_at = (
            sent_at + dt.timedelta(days=2) if status == SubmissionStatus.ACCEPTED else None
        )
        submission.return_reason = reason
        submission.version = 3
        if sent_at is not None:
            self.events.append(
                SubmissionEvent(submission=submission, from_status="draft", to_status="submitted")
            )
        if status == SubmissionStatus.RETURNED:
            self.events.append(
                SubmissionEvent(
                    submission=submission, from_status="submitted", to_status="returned", reason=reason
                )
            )
        if status == SubmissionStatus.ACCEPTED:
            self.events.append(
                SubmissionEvent(submission=submission, from_status="submitted", to_status="accepted")
            )

    def flush(self, submissions):
        Submission.objects.bulk_update(
            submissions,
            ["status", "first_submitted_at", "submitted_at", "accepted_at", "return_reason", "version"],
            batch_size=500,
        )
        SubmissionAncestor.objects.bulk_create(self.ancestors, batch_size=2000)
        Value.objects.bulk_create(self.values, batch_size=2000)
        Narrative.objects.bulk_create(self.narratives, batch_size=2000)
        SubmissionEvent.objects.bulk_create(self.events, batch_size=2000)


def _paths(province: OrgUnit, day: dt.date) -> list[tuple[OrgUnit, list[int]]]:
    """The communes under a province on a day, each with its path up to the centre."""
    ids = org_queries.subtree_rows(province.pk, day)
    parent = {unit_id: parent_id for unit_id, parent_id, _depth in ids}
    units = OrgUnit.objects.in_bulk([unit_id for unit_id, _p, _d in ids])
    result = []
    for unit_id, _p, _d in ids:
        unit = units[unit_id]
        if unit.kind != UnitKind.COMMUNE:
            continue
        path, node = [unit_id], parent.get(unit_id)
        while node is not None:
            path.append(node)
            node = parent.get(node)
        path.extend(org_queries.ancestor_ids(province.pk, day))
        result.append((unit, path))
    return sorted(result, key=lambda item: item[0].name_folded)


@transaction.atomic
def build(today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    rng = random.Random(2025)
    centre = OrgUnit.objects.get(code="TW", kind=UnitKind.CENTRE)
    thai_nguyen = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    bac_kan = OrgUnit.objects.get(name="Bắc Kạn", kind=UnitKind.PROVINCE)
    template = build_template(centre)
    writer = _Writer(template, today)
    steady: dict[int, dict] = {}
    history: dict[tuple[int, str], dict] = {}  # (unit, period key) → values
    all_submissions = []
    first = month(today.year - 2, today.month).next()
    current = month(today.year, today.month)
    period = first
    while period.start <= current.start:
        provinces = [thai_nguyen, bac_kan] if period.end < dt.date(2025, 7, 1) else [thai_nguyen]
        deadline = period.end + dt.timedelta(days=5)
        for province in provinces:
            units_paths = _paths(province, period.end)
            _assignment, submissions = writer.assignment(province, period, units_paths, deadline)
            for submission, (unit, _path) in zip(submissions, units_paths, strict=True):
                values = _month_values(
                    rng, steady.setdefault(unit.pk, {"A03": rng.randint(8, 25), "E03": rng.randint(3, 10)})
                )
                history[(unit.pk, period.key)] = values
                _decide(writer, rng, submission, values, deadline, today, period == current)
            all_submissions.extend(submissions)
        period = period.next()
    for year, number in ((2025, 1), (2025, 2), (2026, 1)):
        period = half(year, number)
        if period.end >= today:
            continue
        deadline = period.end + dt.timedelta(days=10)
        provinces = [thai_nguyen, bac_kan] if period.end < dt.date(2025, 7, 1) else [thai_nguyen]
        for province in provinces:
            units_paths = _paths(province, period.end)
            _assignment, submissions = writer.assignment(province, period, units_paths, deadline)
            months = [p.key for p in _months_of(period)]
            for submission, (unit, _path) in zip(submissions, units_paths, strict=True):
                series = [history[(unit.pk, key)] for key in months if (unit.pk, key) in history]
                values = (
                    _half_values(series)
                    if series
                    else _month_values(
                        rng,
                        steady.setdefault(unit.pk, {"A03": rng.randint(8, 25), "E03": rng.randint(3, 10)}),
                    )
                )
                _decide(
                    writer,
                    rng,
                    submission,
                    values,
                    deadline,
                    today,
                    False,
                    narrative_codes=("I", "III", "XII"),
                )
            all_submissions.extend(submissions)
    writer.flush(all_submissions)
    rollups.rebuild(TEMPLATE_CODE)  # written in bulk, around the services: the roll-up is recomputed
    from tuyengiao.reporting.models import Schedule

    Schedule.objects.create(
        template=template, assigner=thai_nguyen, period_kind="M", deadline_day=5, target_kind=UnitKind.COMMUNE
    )


def _months_of(period):
    return [month(year, number) for year, number in period.months()]


def _decide(writer, rng, submission, values, deadline, today, is_current, narrative_codes=("III",)):
    """Accepted mostly; some late, some returned, some missing; the open month only partly started."""
    roll = rng.random()
    sent_on = deadline - dt.timedelta(days=rng.randint(0, 6))
    if is_current or deadline >= today:
        if roll < 0.3 and sent_on <= today:
            writer.fill(
                submission,
                values,
                status=SubmissionStatus.SUBMITTED,
                sent_at=_at(sent_on),
                narrative_codes=narrative_codes,
            )
        return
    if roll < 0.05:
        return  # missing: never sent
    if roll < 0.12:
        sent_on = deadline + dt.timedelta(days=rng.randint(1, 9))  # late, still accepted
    if 0.12 <= roll < 0.16:
        writer.fill(
            submission,
            values,
            status=SubmissionStatus.RETURNED,
            sent_at=_at(sent_on),
            reason=rng.choice(RETURN_REASONS),
            narrative_codes=narrative_codes,
        )
        return
    status = SubmissionStatus.SUBMITTED if roll > 0.97 else SubmissionStatus.ACCEPTED
    writer.fill(submission, values, status=status, sent_at=_at(sent_on), narrative_codes=narrative_codes)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
