"""Reporting screens: what my unit must submit, data entry, review, completeness of an assignment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.core import xlsx
from tuyengiao.core.services import ConflictError
from tuyengiao.core.views import submit_once
from tuyengiao.reporting import completeness, consolidation, docx_export, exports, services
from tuyengiao.reporting import template_xlsx as template_xlsx_module
from tuyengiao.reporting.forms import (
    AssignmentForm,
    ConsolidationForm,
    ReasonForm,
    ScheduleForm,
    TemplateImportForm,
)
from tuyengiao.reporting.models import Assignment, ReportTemplate, Schedule, Submission
from tuyengiao.reporting.values import display


def _visible_submission(request, pk) -> Submission:
    return get_object_or_404(
        Submission.objects.visible_to(request.user).select_related(
            "assignment__template", "assignment__assigner", "unit"
        ),
        pk=pk,
    )


@require_GET
def due(request):
    """Báo cáo phải nộp: my unit's reports, nearest deadline first; and the assignments my unit gave."""
    unit = request.user.unit
    submissions = services.due_for(unit) if unit else Submission.objects.none()
    given = (
        (
            Assignment.objects.editable_by(request.user)
            .select_related("template")
            .annotate(
                n_units=Count("submissions"),
                n_in=Count("submissions", filter=Q(submissions__status__in=["submitted", "accepted"])),
            )
            .order_by("-period_start", "template__code")[:50]
        )
        if request.user.can_manage_subtree
        else []
    )
    return render(
        request,
        "reporting/due.html",
        {"submissions": submissions, "given": given, "today": timezone.localdate()},
    )


def _entry_context(submission, *, data=None, field_errors=None, result=None):
    """The data-entry form: sections in order, each with its indicators, last period and last year beside."""
    template = submission.assignment.template
    raws = {v.indicator_id: v.raw for v in submission.values.all()}
    narratives = {n.section_id: n.text for n in submission.narratives.all()}
    previous = services.previous_values(submission)
    last_year = services.previous_values(submission, same_period_last_year=True)
    field_errors = field_errors or {}
    indicators = list(template.indicators.all())
    sections = []
    for section in template.sections.all():
        rows = [
            {
                "indicator": i,
                "name": f"v-{i.code}",
                "raw": data.get(f"v-{i.code}", "") if data is not None else raws.get(i.pk, ""),
                "error": field_errors.get(i.code),
                "previous": display(previous.get(i.code)),
                "last_year": display(last_year.get(i.code)),
            }
            for i in indicators
            if i.section_id == section.pk
        ]
        text = data.get(f"n-{section.code}", "") if data is not None else narratives.get(section.pk, "")
        sections.append({"section": section, "rows": rows, "name": f"n-{section.code}", "text": text})
    return {
        "submission": submission,
        "sections": sections,
        "result": result,
        "previous_label": submission.assignment.period.previous().label,
        "last_year_label": submission.assignment.period.same_period_last_year().label,
    }


def _forbidden_stays_forbidden(error: ValidationError, message: str) -> None:
    """The service checks who may write, in the statement that locks the report: its refusal is a 403."""
    if getattr(error, "code", None) == "forbidden":
        raise PermissionDenied(message)


def _typed(request):
    values = {k[2:]: v for k, v in request.POST.items() if k.startswith("v-")}
    narratives = {k[2:]: v for k, v in request.POST.items() if k.startswith("n-")}
    version = request.POST.get("version")
    return values, narratives, int(version) if version and version.isdigit() else None


def entry(request, pk):
    """Nhập báo cáo: save a draft (also autosaved by htmx), or read it when it is not ours to edit."""
    submission = _visible_submission(request, pk)
    can_edit = (
        Submission.objects.editable_by(request.user).filter(pk=pk).exists() and not submission.is_locked
    )
    context = {
        "can_edit": can_edit,
        "can_review": services.can_review(request.user, submission),
        "events": submission.events.select_related("actor"),
    }
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("Bạn không được sửa báo cáo này."))
        values, narratives, version = _typed(request)
        try:
            submission, result = services.save_draft(
                actor=request.user,
                submission=submission,
                expected_version=version,
                values=values,
                narratives=narratives,
            )
        except ConflictError as conflict:
            context.update(_entry_context(conflict.current, data=request.POST), conflict=True)
            return render(request, "reporting/entry.html", context, status=409)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reporting:entry", pk=pk)
        if result.field_errors:
            context.update(_entry_context(submission, data=request.POST, field_errors=result.field_errors))
            context["saved_with_errors"] = True
            return render(request, "reporting/entry.html", context, status=400)
        messages.success(request, _("Đã lưu nháp."))
        return redirect("reporting:entry", pk=pk)
    context.update(_entry_context(submission))
    return render(request, "reporting/entry.html", context)


@require_POST
def autosave(request, pk):
    """htmx: save the draft as the user types; answer with the save status and the new version."""
    submission = _visible_submission(request, pk)
    values, narratives, version = _typed(request)
    status = 200
    try:
        submission, result = services.save_draft(
            actor=request.user,
            submission=submission,
            expected_version=version,
            values=values,
            narratives=narratives,
        )
        state = {"saved_at": timezone.localtime(), "errors": result.field_errors}
    except ConflictError:
        state, status = {"conflict": True}, 409
    except ValidationError as error:
        _forbidden_stays_forbidden(error, _("Bạn không được sửa báo cáo này."))
        state, status = {"refused": " ".join(error.messages)}, 400
    return render(request, "reporting/_save_status.html", {"submission": submission, **state}, status=status)


@require_POST
def send(request, pk):
    """Gửi báo cáo lên cấp trên: what is on the screen is saved and sent together.

    The busiest moment of the system (every commune, the day before the deadline): the report is
    read once, by the statement that locks it and checks that the user may write it."""
    values, narratives, version = _typed(request)
    try:
        submission, result = services.send_report(
            actor=request.user,
            submission=Submission(pk=pk),
            expected_version=version,
            values=values,
            narratives=narratives,
            confirmed_warnings=request.POST.getlist("confirm"),
        )
    except ConflictError as conflict:
        context = _send_context(conflict.current)
        context.update(_entry_context(conflict.current, data=request.POST), conflict=True)
        return render(request, "reporting/entry.html", context, status=409)
    except ValidationError as error:
        if getattr(error, "code", None) == "forbidden":
            _visible_submission(request, pk)  # a 404 for what the user may not even see
        _forbidden_stays_forbidden(error, _("Bạn không được gửi báo cáo này."))
        messages.error(request, " ".join(error.messages))
        return redirect("reporting:entry", pk=pk)
    if result.blocking or result.warnings:
        context = _send_context(submission)
        context.update(
            _entry_context(submission, data=request.POST, field_errors=result.field_errors, result=result)
        )
        return render(request, "reporting/entry.html", context, status=400)
    messages.success(request, _("Đã gửi báo cáo lên cấp trên."))
    return redirect("reporting:entry", pk=pk)


def _send_context(submission):
    return {"can_edit": True, "can_review": False, "events": submission.events.select_related("actor")}


def _review_action(request, pk, action, success):
    submission = _visible_submission(request, pk)
    if not services.can_review(request.user, submission):
        raise PermissionDenied(_("Chỉ đơn vị cấp trên được xem xét báo cáo này."))
    try:
        action(submission)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reporting:entry", pk=pk)
    messages.success(request, success)
    return redirect("reporting:entry", pk=pk)


@require_POST
def accept(request, pk):
    return _review_action(
        request, pk, lambda s: services.accept(actor=request.user, submission=s), _("Đã duyệt báo cáo.")
    )


@require_POST
def return_(request, pk):
    form = ReasonForm(request.POST)
    reason = form.data.get("reason", "")
    return _review_action(
        request,
        pk,
        lambda s: services.return_submission(actor=request.user, submission=s, reason=reason),
        _("Đã trả lại báo cáo cho đơn vị."),
    )


@require_POST
def reopen(request, pk):
    reason = request.POST.get("reason", "")
    return _review_action(
        request,
        pk,
        lambda s: services.reopen(actor=request.user, submission=s, reason=reason),
        _("Đã mở lại báo cáo."),
    )


@require_GET
def assignment_detail(request, pk):
    """Tình hình nộp báo cáo: units × status, percentages, the missing units with their contacts."""
    assignment = get_object_or_404(
        Assignment.objects.visible_to(request.user).select_related("template", "assigner"), pk=pk
    )
    grid = completeness.grid(assignment)
    submitted_pct = round(100 * grid.submitted / grid.total) if grid.total else 0
    context = {
        "assignment": assignment,
        "grid": grid,
        "submitted_pct": submitted_pct,
        "on_time_pct": grid.percent(completeness.ON_TIME),
        "missing_count": len(grid.missing) - grid.counts.get("returned", 0),
    }
    return render(request, "reporting/assignment.html", context)


@require_GET
def assignment_xlsx(request, pk):
    assignment = get_object_or_404(Assignment.objects.visible_to(request.user), pk=pk)
    return xlsx.response(completeness.to_xlsx(assignment), f"tinh-hinh-nop-{assignment.period_key}.xlsx")


def assignment_create(request):
    """Giao báo cáo: a template, a period, every unit of a kind under mine, a deadline."""
    if not request.user.can_manage_subtree or request.user.unit_id is None:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên được giao báo cáo."))
    form = AssignmentForm(request.POST or None, user=request.user)
    if request.method == "POST":
        unit = request.user.unit

        def create(data):
            units = services.reporting_units(unit, data["unit_kind"], data["period"])
            return services.create_assignment(
                actor=request.user,
                template=data["template"],
                assigner=unit,
                period=data["period"],
                units=units,
                deadline=data["deadline"],
            )

        assignment, repeat = submit_once(
            request, form, create, result_url=lambda a: reverse("reporting:assignment", args=[a.pk])
        )
        if repeat:
            return repeat
        if assignment:
            messages.success(
                request, _("Đã giao báo cáo cho %(n)d đơn vị.") % {"n": assignment.submissions.count()}
            )
            return redirect("reporting:assignment", pk=assignment.pk)
    return render(
        request, "reporting/assignment_form.html", {"form": form}, status=400 if form.errors else 200
    )


@require_GET
def templates(request):
    items = (
        ReportTemplate.objects.visible_to(request.user)
        .select_related("owner")
        .annotate(
            n_indicators=Count("indicators", distinct=True), n_sections=Count("sections", distinct=True)
        )
    )
    return render(request, "reporting/templates.html", {"templates": items})


@require_GET
def template_detail(request, pk):
    template = get_object_or_404(
        ReportTemplate.objects.visible_to(request.user).select_related("owner"), pk=pk
    )
    can_publish = (
        request.user.can_manage_subtree
        and template.status == "draft"
        and ReportTemplate.objects.editable_by(request.user).filter(pk=pk).exists()
    )
    return render(
        request,
        "reporting/template_detail.html",
        {
            "template": template,
            "can_publish": can_publish,
            "sections": template.sections.prefetch_related("indicators"),
            "loose": template.indicators.filter(section__isnull=True),
            "rules": template.rules.all(),
        },
    )


def _consolidation_from(request):
    form = ConsolidationForm(
        request.GET or None, user=request.user, initial={"unit": request.user.unit_id, "statuses": "accepted"}
    )
    if not form.is_bound or not form.is_valid():
        return form, None
    data = form.cleaned_data
    statuses = consolidation.ACCEPTED_ONLY if data["statuses"] == "accepted" else consolidation.SUBMITTED_TOO
    result = consolidation.consolidate(data["unit"], data["period"], data["template_code"], statuses=statuses)
    return form, result


@require_GET
def consolidated(request):
    """Tổng hợp: any unit of mine, any period, the figures with their breakdown and the compiled texts."""
    form, result = _consolidation_from(request)
    context = {"form": form, "result": result, "query": request.GET.urlencode()}
    if result is not None:
        context["rows"] = [
            (i, result.totals.get(i.code), result.reporting.get(i.code, 0)) for i in result.indicators
        ]
        context["breakdown"] = [
            (
                unit,
                [result.per_unit.get(unit.pk, {}).get(i.code) for i in result.indicators],
                unit.pk in result.submitted_unit_ids,
            )
            for unit in result.units
        ]
    return render(request, "reporting/consolidated.html", context, status=400 if form.errors else 200)


@require_GET
def consolidated_file(request, fmt):
    form, result = _consolidation_from(request)
    if result is None:
        return render(request, "reporting/consolidated.html", {"form": form, "result": None}, status=400)
    stem = f"tong-hop-{result.template_code}-{result.period.key}".lower()
    if fmt == "xlsx":
        content, mime = exports.consolidation_xlsx(result), xlsx.MIME
    else:
        document = exports.consolidation_document(result)
        content, mime = docx_export.render_docx(document), DOCX
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def template_xlsx(request, pk):
    template = get_object_or_404(ReportTemplate.objects.visible_to(request.user), pk=pk)
    return xlsx.response(
        template_xlsx_module.export_template(template),
        f"mau-{template.code.lower()}-v{template.version}.xlsx",
    )


def template_import(request):
    """Nhập mẫu báo cáo từ Excel: every problem listed by sheet and row, nothing written until all is right."""
    if not request.user.can_manage_subtree or request.user.unit_id is None:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên được soạn mẫu báo cáo."))
    form = TemplateImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            template = template_xlsx_module.import_template(
                data["file"],
                actor=request.user,
                owner=request.user.unit,
                code=data["code"],
                name=data["name"],
            )
        except template_xlsx_module.TemplateImportError as error:
            problems = error.errors
        else:
            messages.success(
                request, _("Đã nhập mẫu “%(t)s” (đang soạn): kiểm tra rồi bấm Áp dụng.") % {"t": template}
            )
            return redirect("reporting:template", pk=template.pk)
    status = 400 if (form.errors or problems) else 200
    return render(
        request, "reporting/template_import.html", {"form": form, "problems": problems}, status=status
    )


@require_POST
def template_publish(request, pk):
    template = get_object_or_404(ReportTemplate.objects.visible_to(request.user), pk=pk)
    if not (
        request.user.can_manage_subtree
        and ReportTemplate.objects.editable_by(request.user).filter(pk=pk).exists()
    ):
        raise PermissionDenied(_("Chỉ đơn vị ban hành được áp dụng mẫu này."))
    try:
        services.publish_template(actor=request.user, template=template)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Mẫu đã được áp dụng; có thể giao báo cáo theo mẫu này."))
    return redirect("reporting:template", pk=pk)


@require_POST
def prefill(request, pk, source):
    """Điền sẵn: from the unit's own monthly reports, or from the consolidation of the units below."""
    submission = _visible_submission(request, pk)
    if not Submission.objects.editable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied(_("Bạn không được sửa báo cáo này."))
    action = services.prefill_from_months if source == "thang" else services.seed_from_below
    try:
        action(actor=request.user, submission=submission)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã điền sẵn số liệu; kiểm tra, sửa rồi gửi."))
    return redirect("reporting:entry", pk=pk)


def schedules(request):
    """Lịch giao báo cáo định kỳ of my unit: the list, and a form to add one."""
    if not request.user.can_manage_subtree or request.user.unit_id is None:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên được lập lịch giao báo cáo."))
    form = ScheduleForm(request.POST or None, user=request.user)
    if request.method == "POST":
        schedule, repeat = submit_once(
            request,
            form,
            lambda data: services.create_schedule(actor=request.user, assigner=request.user.unit, **data),
            result_url=lambda _schedule: reverse("reporting:schedules"),
        )
        if repeat:
            return repeat
        if schedule:
            created = services.run_schedules(timezone.localdate())
            messages.success(
                request, _("Đã lập lịch; đã giao %(n)d đợt cho kỳ hiện tại.") % {"n": len(created)}
            )
            return redirect("reporting:schedules")
    items = Schedule.objects.editable_by(request.user).select_related("template").order_by("template__code")
    return render(
        request,
        "reporting/schedules.html",
        {"form": form, "schedules": items},
        status=400 if form.errors else 200,
    )


@require_GET
def entry_docx(request, pk):
    """The unit's own report as a Word file in the Party's format."""
    submission = _visible_submission(request, pk)
    content = docx_export.render_docx(exports.submission_document(submission))
    response = HttpResponse(content, content_type=DOCX)
    name = f"bao-cao-{submission.unit.code}-{submission.assignment.period_key}".lower().replace(".", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response
