"""Every change to templates, assignments and submissions goes through here: atomic, audited.

The workflow of a submission: draft → submitted → returned (with a reason) → submitted → accepted;
an accepted report is locked, and reopening it needs a reason. Each transition is recorded
(SubmissionEvent) and e-mailed once the transaction commits.
"""

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tuyengiao.core import jobs
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import expressions, notifications, rollups, store
from tuyengiao.reporting.models import (
    Assignment,
    Indicator,
    ReportTemplate,
    Rule,
    RuleSeverity,
    Section,
    Submission,
    SubmissionAncestor,
    SubmissionEvent,
    SubmissionStatus,
    TemplateStatus,
    Value,
    ValueType,
)
from tuyengiao.reporting.periods import Period
from tuyengiao.reporting.values import read

# Parsed rules are immutable: parse each expression once per process.
_parsed = functools.lru_cache(maxsize=2048)(expressions.parse)

# ---------------------------------------------------------------- templates


@transaction.atomic
def create_template(*, actor, owner: OrgUnit, code: str, name: str, description: str = "", version: int = 1):
    code, name = nfc(code).upper(), nfc(name)
    if not code or not name:
        fail("Mẫu báo cáo cần mã và tên.")
    if ReportTemplate.objects.filter(code=code, version=version).exists():
        fail(f"Mẫu “{code}” phiên bản {version} đã tồn tại.", field="code")
    return audited_save(
        ReportTemplate(owner=owner, code=code, name=name, description=description, version=version),
        actor=actor,
    )


def _check_draft(template: ReportTemplate) -> None:
    """A template in use is frozen: reports already sent must keep meaning what they meant."""
    if template.status == TemplateStatus.PUBLISHED:
        fail(
            f"Mẫu “{template.code}” phiên bản {template.version} đang áp dụng, không sửa được; "
            "hãy tạo phiên bản mới.",
            code="published",
        )


def add_section(
    template: ReportTemplate, *, code: str, title: str, guidance: str = "", order: int | None = None
):
    _check_draft(template)
    order = order if order is not None else template.sections.count() + 1
    return Section.objects.create(
        template=template, code=nfc(code), title=nfc(title), guidance=guidance, order=order
    )


def add_indicator(
    template: ReportTemplate, *, code: str, name: str, order: int | None = None, **fields
) -> Indicator:
    _check_draft(template)
    code = nfc(code).upper()
    if template.indicators.filter(code=code).exists():
        fail(f"Mã chỉ tiêu “{code}” bị trùng.", field="code")
    order = order if order is not None else template.indicators.count() + 1
    indicator = Indicator(template=template, code=code, name=nfc(name), order=order, **fields)
    indicator.full_clean(exclude=["template", "section"], validate_unique=False, validate_constraints=False)
    indicator.save()
    return indicator


def add_rule(
    template: ReportTemplate, *, expression: str, message: str, severity: str = RuleSeverity.ERROR
) -> Rule:
    _check_draft(template)
    parsed = _parse_rule(expression)
    unknown = parsed.names() - set(template.indicators.values_list("code", flat=True))
    if unknown:
        fail(
            f"Quy tắc “{expression}” dùng mã chỉ tiêu không có trong mẫu: {', '.join(sorted(unknown))}.",
            field="expression",
        )
    return Rule.objects.create(
        template=template, expression=parsed.source, message=nfc(message), severity=severity
    )


def _parse_rule(expression: str):
    try:
        parsed = expressions.parse(expression)
    except expressions.ExpressionError as error:
        fail(f"Quy tắc “{expression}”: {error.message}", field="expression")
    try:  # a rule must compare: try it with every value at 1
        parsed.check(dict.fromkeys(parsed.names(), 1))
    except expressions.ExpressionError as error:
        if "so sánh" in error.message:
            fail(f"Quy tắc “{expression}”: {error.message}", field="expression")
    return parsed


@transaction.atomic
def publish_template(*, actor, template: ReportTemplate) -> ReportTemplate:
    if not template.indicators.exists() and not template.sections.exists():
        fail("Mẫu chưa có phần nội dung hay chỉ tiêu nào.")
    template.status = TemplateStatus.PUBLISHED
    template.lock_version += 1
    return audited_save(template, actor=actor)


# ---------------------------------------------------------------- assignments


def reporting_units(parent: OrgUnit, kind: str, period: Period) -> list[OrgUnit]:
    """Units of a kind under `parent` that existed during the period (as of the period's end)."""
    day = min(period.end, parent.valid_to)
    ids = org_queries.subtree_ids(parent.pk, day)
    return list(
        OrgUnit.objects.filter(
            pk__in=ids, kind=kind, valid_from__lte=period.end, valid_to__gte=period.start
        ).order_by("name_folded")
    )


@transaction.atomic
def create_assignment(
    *,
    actor,
    template: ReportTemplate,
    assigner: OrgUnit,
    period: Period,
    units,
    deadline: dt.date,
    schedule=None,
) -> Assignment:
    """Giao báo cáo: one draft submission per unit, each with its ancestor path as of the period."""
    if template.status != TemplateStatus.PUBLISHED:
        fail("Chỉ giao được mẫu báo cáo đang áp dụng.", field="template")
    units = list(units)
    if not units:
        fail("Chọn ít nhất một đơn vị phải nộp báo cáo.", field="units")
    if deadline < period.start:
        fail("Hạn nộp không được trước ngày bắt đầu kỳ báo cáo.", field="deadline")
    reach = org_queries.responsibility_ids(assigner.pk)
    outside = [u for u in units if u.pk not in reach or u.pk == assigner.pk]
    if outside:
        fail(f"“{outside[0]}” không thuộc phạm vi của “{assigner}”.", field="units")
    if Assignment.objects.filter(template=template, assigner=assigner, period_key=period.key).exists():
        fail(f"“{assigner}” đã giao mẫu này cho {period.label}.", field="period")
    assignment = audited_save(
        Assignment(
            template=template,
            assigner=assigner,
            period_key=period.key,
            period_label=period.label,
            period_kind=period.kind.value,
            period_start=period.start,
            period_end=period.end,
            deadline=deadline,
            schedule=schedule,
        ),
        actor=actor,
    )
    for unit in units:
        _open_submission(assignment, unit, period)
    return assignment


def _open_submission(assignment: Assignment, unit: OrgUnit, period: Period) -> Submission:
    submission = Submission.objects.create(assignment=assignment, unit=unit)
    day = min(period.end, unit.valid_to)
    path = [unit.pk, *org_queries.ancestor_ids(unit.pk, day)]
    SubmissionAncestor.objects.bulk_create(
        SubmissionAncestor(submission=submission, ancestor_id=a) for a in path
    )
    return submission


# ---------------------------------------------------------------- data entry


@dataclass
class EntryResult:
    """What a save or a submit found: field errors, rule errors, warnings to confirm."""

    field_errors: dict[str, str] = field(default_factory=dict)
    rule_errors: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (key, message)

    @property
    def blocking(self) -> bool:
        return bool(self.field_errors or self.rule_errors)


@dataclass(frozen=True)
class FormShape:
    """What a report's form is made of: its template's indicators (in order), sections and rules."""

    indicators: tuple[Indicator, ...]
    section_ids: dict[str, int]  # section code → id
    rules: tuple[Rule, ...]


def form_shape(template: ReportTemplate) -> FormShape:
    """Read once per process for a template in use (frozen: see `_check_draft`), every time otherwise.
    The key holds the creation time as well, so a reused id (SQLite after a rollback) never matches."""
    if template.status != TemplateStatus.PUBLISHED:
        return _load_shape(template.pk)
    return _published_shape(template.pk, template.lock_version, template.created_at)


def _load_shape(template_id: int) -> FormShape:
    return FormShape(
        indicators=tuple(Indicator.objects.filter(template_id=template_id)),
        section_ids=dict(Section.objects.filter(template_id=template_id).values_list("code", "pk")),
        rules=tuple(Rule.objects.filter(template_id=template_id)),
    )


@functools.lru_cache(maxsize=256)
def _published_shape(template_id: int, lock_version: int, created_at) -> FormShape:
    return _load_shape(template_id)


def _indicators(submission: Submission) -> list[Indicator]:
    return list(form_shape(submission.assignment.template).indicators)


def _lock(submission: Submission, *, editor=None) -> Submission:
    """The submission row, locked for this transaction. Only that row: `of=("self",)` keeps
    PostgreSQL from also locking the joined assignment and template, which every unit shares.

    With an `editor`, the row is looked for among what that user may edit, in the same statement:
    a report of another unit is refused before anything is read or written."""
    rows = Submission.objects.editable_by(editor) if editor is not None else Submission.objects
    try:
        return (
            rows.select_for_update(of=("self",))
            .select_related("assignment__template", "unit")
            .get(pk=submission.pk)
        )
    except Submission.DoesNotExist:
        fail("Bạn không có quyền nhập báo cáo của đơn vị này.", code="forbidden")


def _lock_for_entry(submission: Submission, actor) -> Submission:
    """`actor=None` is the system itself (imports, the demo): it may write anything not locked."""
    return _lock(submission, editor=actor)


def _check_editable(submission: Submission, actor) -> None:
    if actor is not None and not Submission.objects.editable_by(actor).filter(pk=submission.pk).exists():
        fail("Bạn không có quyền nhập báo cáo của đơn vị này.", code="forbidden")
    _check_open(submission)


def _check_open(submission: Submission) -> None:
    if submission.is_locked:
        label = submission.get_status_display().lower()
        fail(f"Báo cáo {label}, không sửa được nữa.", code="locked")


def _read_field(indicator: Indicator, raw: str):
    return read(
        raw, value_type=indicator.value_type, min_value=indicator.min_value, max_value=indicator.max_value
    )


def _write(
    submission: Submission,
    indicators: list[Indicator],
    values: dict[str, str],
    narratives: dict[str, str] | None,
) -> dict:
    """Store what was typed (valid or not), one statement for the values; return the readings by code."""
    readings, rows = {}, []
    for indicator in indicators:
        if indicator.code not in values:
            continue
        raw = nfc(values[indicator.code] or "")
        reading = readings[indicator.code] = _read_field(indicator, raw)
        number, text = _stored(indicator, reading.value if reading.ok else None)
        rows.append((indicator.pk, raw[:500], number, text))
    store.upsert_values(submission.pk, rows)
    if narratives:
        sections = form_shape(submission.assignment.template).section_ids
        store.upsert_narratives(
            submission.pk,
            [(sections[code], nfc(text)) for code, text in narratives.items() if code in sections],
        )
    return readings


def _errors(readings: dict) -> dict[str, str]:
    return {code: reading.error for code, reading in readings.items() if not reading.ok}


@transaction.atomic
def save_draft(
    *,
    actor,
    submission: Submission,
    expected_version: int | None,
    values: dict[str, str],
    narratives: dict[str, str] | None = None,
) -> tuple[Submission, EntryResult]:
    """Keep everything typed (even what is not valid yet) and say what is wrong, field by field."""
    submission = _lock_for_entry(submission, actor)
    check_version(submission, expected_version)
    _check_open(submission)
    result = EntryResult(
        field_errors=_errors(_write(submission, _indicators(submission), values, narratives))
    )
    submission.version += 1
    submission.updated_by = actor
    submission.save(update_fields=["version", "updated_by", "updated_at"])
    return submission, result


def _stored(indicator: Indicator, value) -> tuple[Decimal | None, str]:
    if value is None:
        return None, ""
    if indicator.value_type == ValueType.TEXT:
        return None, value
    if indicator.value_type == ValueType.BOOLEAN:
        return Decimal(1 if value else 0), ""
    return value, ""


def current_values(submission: Submission) -> dict[str, Decimal | bool | str | None]:
    """The parsed values by indicator code (booleans as bool, texts as str)."""
    rows = submission.values.values_list("indicator__code", "indicator__value_type", "number", "text")
    return {code: _typed_value(value_type, number, text) for code, value_type, number, text in rows}


def _typed_value(value_type: str, number, text: str):
    if value_type == ValueType.TEXT:
        return text or None
    if value_type == ValueType.BOOLEAN:
        return None if number is None else bool(number)
    return number


def validate(
    submission: Submission, indicators: list[Indicator] | None = None, readings: dict | None = None
) -> EntryResult:
    """Everything that must hold before sending: types, bounds, required fields, rules.

    `readings` are fields just read from the screen (by code); the others are read from the database."""
    result = EntryResult()
    indicators = indicators if indicators is not None else _indicators(submission)
    readings = dict(readings or {})
    unread = [indicator for indicator in indicators if indicator.code not in readings]
    if unread:
        raws = dict(submission.values.filter(indicator__in=unread).values_list("indicator_id", "raw"))
        for indicator in unread:
            readings[indicator.code] = _read_field(indicator, raws.get(indicator.pk, ""))
    values = {}
    for indicator in indicators:
        reading = readings[indicator.code]
        if not reading.ok:
            result.field_errors[indicator.code] = reading.error
        elif indicator.required and reading.value is None:
            result.field_errors[indicator.code] = "Chỉ tiêu bắt buộc, chưa nhập."
        number, text = _stored(indicator, reading.value if reading.ok else None)
        values[indicator.code] = _typed_value(indicator.value_type, number, text)
    for rule in form_shape(submission.assignment.template).rules:
        try:
            outcome = _parsed(rule.expression).check(values)
        except expressions.ExpressionError as error:
            result.rule_errors.append(f"{rule.message} ({error.message})")
            continue
        if outcome.ok is False:
            if rule.severity == RuleSeverity.ERROR:
                result.rule_errors.append(f"{rule.message} ({rule.expression})")
            else:
                result.warnings.append((f"rule-{rule.pk}", f"{rule.message} ({rule.expression})"))
    result.warnings.extend(outliers(submission, values))
    return result


def outliers(submission: Submission, values=None) -> list[tuple[str, str]]:
    """Numbers far from the unit's previous report on the same template: to be confirmed, not refused."""
    values = values if values is not None else current_values(submission)
    previous = previous_values(submission)
    warnings = []
    for code, number in values.items():
        before = previous.get(code)
        if not isinstance(number, Decimal) or not isinstance(before, Decimal) or before <= 0:
            continue
        if number > before * 5 or number * 5 < before:
            warnings.append(
                (f"outlier-{code}", f"{code}: {number:f} khác xa kỳ trước ({before:f}). Kiểm tra lại?")
            )
    return warnings


def previous_values(submission: Submission, *, same_period_last_year: bool = False) -> dict:
    """The same unit's values on the same template for the previous period (or a year earlier):
    one query; should two reports match (asked by two units), the first one made counts."""
    period = submission.assignment.period
    other = period.same_period_last_year() if same_period_last_year else period.previous()
    earlier = (
        Submission.objects.filter(
            unit_id=submission.unit_id,
            assignment__template__code=submission.assignment.template.code,
            assignment__period_key=other.key,
        )
        .exclude(status=SubmissionStatus.DRAFT)
        .order_by("pk")
        .values("pk")[:1]
    )
    rows = Value.objects.filter(submission_id__in=earlier).values_list(
        "indicator__code", "indicator__value_type", "number", "text"
    )
    return {code: _typed_value(value_type, number, text) for code, value_type, number, text in rows}


def _transition(submission: Submission, *, actor, to_status: str, reason: str = "") -> Submission:
    event = SubmissionEvent.objects.create(
        submission=submission, actor=actor, from_status=submission.status, to_status=to_status, reason=reason
    )
    submission.status = to_status
    if SubmissionStatus.ACCEPTED in (event.from_status, to_status):
        rollups.refresh(submission)  # the roll-up counts accepted reports only
    submission.version += 1
    submission.updated_by = actor
    jobs.later(notifications.transition_email, event.pk)
    return submission


def _send(
    actor, submission: Submission, indicators, confirmed_warnings, readings=None, narratives=None
) -> EntryResult:
    """Validate a locked submission and, when nothing blocks, move it to “submitted” (one version bump)."""
    result = validate(submission, indicators, readings)
    unconfirmed = [w for w in result.warnings if w[0] not in set(confirmed_warnings)]
    if result.blocking or unconfirmed:
        result.warnings = unconfirmed
        return result
    now = timezone.now()
    submission.submitted_at = now
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.confirmed_warnings = list(confirmed_warnings)
    submission.return_reason = ""
    _transition(submission, actor=actor, to_status=SubmissionStatus.SUBMITTED)
    submission.save()
    _link_citations(submission, actor, narratives)
    return result


def _link_citations(submission: Submission, actor, narratives: dict[str, str] | None = None) -> None:
    """The documents the sent narrative cites (Kết luận số 21-KL/TW…) link to the registry.
    `narratives`: the sections just posted, when the whole form was (no need to read them back)."""
    from tuyengiao.documents import linking

    if narratives:
        texts = list(narratives.values())
    else:
        texts = list(submission.narratives.values_list("text", flat=True))
    linking.link(record=submission, texts=texts, unit=submission.unit, on=timezone.localdate(), actor=actor)


def _already_sent(submission: Submission, expected_version: int | None) -> bool:
    # The same click twice: the first send moved the version on by exactly one.
    return submission.status == SubmissionStatus.SUBMITTED and expected_version == submission.version - 1


@transaction.atomic
def submit(
    *, actor, submission: Submission, expected_version: int | None, confirmed_warnings=()
) -> EntryResult:
    """Gửi báo cáo as it is stored. Refused with the reasons when anything blocks; warnings must be confirmed."""
    submission = _lock_for_entry(submission, actor)
    if _already_sent(submission, expected_version):
        return EntryResult()
    check_version(submission, expected_version)
    _check_open(submission)
    return _send(actor, submission, _indicators(submission), confirmed_warnings)


@transaction.atomic
def send_report(
    *,
    actor,
    submission: Submission,
    expected_version: int | None,
    values: dict[str, str],
    narratives: dict[str, str] | None = None,
    confirmed_warnings=(),
) -> tuple[Submission, EntryResult]:
    """Save what is on the screen and send it, under one lock. When something blocks, what was typed
    is still saved as the draft (nothing typed is lost) and the reasons come back."""
    submission = _lock_for_entry(submission, actor)
    if _already_sent(submission, expected_version):
        return submission, EntryResult()
    check_version(submission, expected_version)
    _check_open(submission)
    indicators = _indicators(submission)
    readings = _write(submission, indicators, values, narratives)
    submission.updated_by = actor
    result = _send(actor, submission, indicators, confirmed_warnings, readings, narratives)
    if result.blocking or result.warnings:
        submission.version += 1
        submission.save(update_fields=["version", "updated_by", "updated_at"])
    return submission, result


def can_review(actor, submission: Submission) -> bool:
    """The upper unit reviews: leaders and specialists of a unit above the submitting one."""
    if getattr(actor, "is_system_admin", False):
        return True
    if (
        not getattr(actor, "can_manage_subtree", False)
        or actor.unit_id is None
        or actor.unit_id == submission.unit_id
    ):
        return False
    return SubmissionAncestor.objects.filter(submission=submission, ancestor_id=actor.unit_id).exists() or (
        submission.assignment.assigner_id == actor.unit_id
    )


def _reviewed(actor, submission: Submission, expected_status: tuple[str, ...], verb: str) -> Submission:
    submission = _lock(submission)
    if not can_review(actor, submission):
        fail(f"Chỉ đơn vị cấp trên được {verb} báo cáo này.", code="forbidden")
    if submission.status not in expected_status:
        fail(
            f"Báo cáo đang ở trạng thái “{submission.get_status_display()}”, không thể {verb}.", code="state"
        )
    return submission


@transaction.atomic
def return_submission(*, actor, submission: Submission, reason: str) -> Submission:
    """Trả lại báo cáo, with the reason the unit reads."""
    reason = nfc(reason)
    if not reason:
        fail("Nhập lý do trả lại để đơn vị biết cần sửa gì.", field="reason")
    submission = _reviewed(actor, submission, (SubmissionStatus.SUBMITTED,), "trả lại")
    submission.return_reason = reason
    _transition(submission, actor=actor, to_status=SubmissionStatus.RETURNED, reason=reason)
    submission.save()
    return submission


@transaction.atomic
def accept(*, actor, submission: Submission) -> Submission:
    submission = _reviewed(actor, submission, (SubmissionStatus.SUBMITTED,), "duyệt")
    submission.accepted_at = timezone.now()
    _transition(submission, actor=actor, to_status=SubmissionStatus.ACCEPTED)
    submission.save()
    return submission


@transaction.atomic
def reopen(*, actor, submission: Submission, reason: str) -> Submission:
    """Mở lại một báo cáo đã duyệt: it goes back to the unit, returned with the reason."""
    reason = nfc(reason)
    if not reason:
        fail("Mở lại báo cáo đã duyệt cần nêu lý do.", field="reason")
    submission = _reviewed(actor, submission, (SubmissionStatus.ACCEPTED,), "mở lại")
    submission.accepted_at = None
    submission.return_reason = reason
    _transition(submission, actor=actor, to_status=SubmissionStatus.RETURNED, reason=reason)
    submission.save()
    return submission


def due_for(unit: OrgUnit):
    """What a unit must submit: returned reports first, then drafts, by deadline; then those awaiting review."""
    from django.db.models import Case, IntegerField, Value, When

    priority = Case(
        When(status=SubmissionStatus.RETURNED, then=Value(0)),
        When(status=SubmissionStatus.DRAFT, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        Submission.objects.filter(unit=unit)
        .exclude(status=SubmissionStatus.ACCEPTED)
        .select_related("assignment__template")
        .order_by(priority, "assignment__deadline", "assignment__template__code")
    )


def _prefill(actor, submission: Submission, numbers: dict, annex: str | None = None) -> Submission:
    from tuyengiao.reporting.values import format_number

    by_code = {i.code: i for i in _indicators(submission)}
    values = {}
    for code, number in numbers.items():
        indicator = by_code.get(code)
        if indicator is None or number is None:
            continue
        if indicator.value_type == ValueType.BOOLEAN:
            values[code] = "Có" if number else "Không"
        elif indicator.value_type == ValueType.INTEGER:
            values[code] = format_number(number.quantize(Decimal(1)))
        else:
            values[code] = format_number(number)
    submission, _result = save_draft(actor=actor, submission=submission, expected_version=None, values=values)
    if annex is not None:
        Submission.objects.filter(pk=submission.pk).update(annex=annex)
        submission.annex = annex
    return submission


@transaction.atomic
def prefill_from_months(*, actor, submission: Submission) -> Submission:
    """Điền số liệu báo cáo 6 tháng (quý, năm) từ các báo cáo tháng của chính đơn vị."""
    from tuyengiao.reporting.consolidation import own_over_time

    _check_editable(submission, actor)
    numbers = own_over_time(
        submission.unit, submission.assignment.period, submission.assignment.template.code
    )
    if not numbers:
        fail("Đơn vị chưa có báo cáo ngắn hơn nào (đã gửi) trong kỳ này để điền.", code="nothing")
    return _prefill(actor, submission, numbers)


@transaction.atomic
def seed_from_below(*, actor, submission: Submission) -> Submission:
    """Điền báo cáo của đơn vị từ tổng hợp báo cáo cấp dưới: the numbers, and the texts as an annex."""
    from tuyengiao.reporting.consolidation import SUBMITTED_TOO, consolidate

    _check_editable(submission, actor)
    assignment = submission.assignment
    result = consolidate(submission.unit, assignment.period, assignment.template.code, statuses=SUBMITTED_TOO)
    if not result.submitted_unit_ids:
        fail("Chưa có báo cáo nào của cấp dưới trong kỳ này để tổng hợp.", code="nothing")
    annex = "\n\n".join(
        f"{title}\n" + "\n".join(f"- {unit_label}: {text}" for unit_label, text in entries)
        for title, entries in result.narratives
    )
    return _prefill(actor, submission, result.totals, annex=f"{result.coverage_label}.\n\n{annex}".strip())


# ---------------------------------------------------------------- recurring schedules


def _deadline_after(period: Period, day: int) -> dt.date:
    """The given day of the month after the period (clamped to that month's length)."""
    import calendar

    year, month_number = (
        (period.end.year + 1, 1) if period.end.month == 12 else (period.end.year, period.end.month + 1)
    )
    return dt.date(year, month_number, min(day, calendar.monthrange(year, month_number)[1]))


@transaction.atomic
def create_schedule(
    *,
    actor,
    template: ReportTemplate,
    assigner: OrgUnit,
    period_kind: str,
    deadline_day: int,
    target_kind: str,
):
    from tuyengiao.reporting.models import Schedule
    from tuyengiao.reporting.periods import PeriodKind

    if period_kind not in {
        PeriodKind.MONTH.value,
        PeriodKind.QUARTER.value,
        PeriodKind.HALF.value,
        PeriodKind.NINE_MONTHS.value,
        PeriodKind.YEAR.value,
    }:
        fail("Lịch định kỳ chỉ áp dụng cho tháng, quý, 6 tháng, 9 tháng, năm.", field="period_kind")
    if not 1 <= deadline_day <= 31:
        fail("Ngày hạn nộp phải từ 1 đến 31.", field="deadline_day")
    if template.status != TemplateStatus.PUBLISHED:
        fail("Chỉ lập lịch cho mẫu báo cáo đang áp dụng.", field="template")
    return audited_save(
        Schedule(
            template=template,
            assigner=assigner,
            period_kind=period_kind,
            deadline_day=deadline_day,
            target_kind=target_kind,
        ),
        actor=actor,
    )


def run_schedules(today: dt.date) -> list[Assignment]:
    """Giao báo cáo theo lịch: the current period's assignment of every active schedule, once."""
    from tuyengiao.reporting.models import Schedule
    from tuyengiao.reporting.periods import period_of_kind_containing

    created = []
    for schedule in Schedule.objects.filter(active=True).select_related("template", "assigner"):
        try:
            period = period_of_kind_containing(schedule.period_kind, today)
        except ValueError:
            continue  # e.g. a 9-month schedule in the last quarter
        exists = Assignment.objects.filter(
            template=schedule.template, assigner=schedule.assigner, period_key=period.key
        ).exists()
        if exists or not schedule.assigner.is_valid_on(today):
            continue
        units = reporting_units(schedule.assigner, schedule.target_kind, period)
        if not units:
            continue
        created.append(
            create_assignment(
                actor=None,
                template=schedule.template,
                assigner=schedule.assigner,
                period=period,
                units=units,
                schedule=schedule,
                deadline=_deadline_after(period, schedule.deadline_day),
            )
        )
    return created
