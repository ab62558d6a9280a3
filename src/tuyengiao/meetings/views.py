import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.core.files import download
from tuyengiao.core.services import ConflictError
from tuyengiao.core.views import apply_validation_error, submit_once
from tuyengiao.documents.models import Document, ImportStatus
from tuyengiao.meetings import services
from tuyengiao.meetings.forms import (
    VN,
    CancelForm,
    ConclusionForm,
    DeleteForm,
    FileForm,
    ItemAssignForm,
    MeetingForm,
    MoveForm,
    PointFormSet,
    SeriesForm,
    communes_below,
)
from tuyengiao.meetings.models import Meeting, MeetingFile, MeetingStatus
from tuyengiao.tasks import services as task_services


def _visible(request, pk) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("organizer"), pk=pk)


def _organized(request, pk) -> Meeting:
    meeting = _visible(request, pk)
    if not services.can_organize(request.user, meeting.organizer):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức sửa được hội nghị này."))
    return meeting


def _notice(meeting: Meeting):
    try:
        return meeting.conclusion
    except Meeting.conclusion.RelatedObjectDoesNotExist:
        return None


def _own_unit(request):
    if request.user.unit_id is None or not request.user.can_edit_own_unit:
        raise PermissionDenied(_("Bạn không tổ chức được hội nghị."))
    return request.user.unit


@require_GET
def meeting_list(request):
    """Hội nghị: upcoming first, then the last three months."""
    now = timezone.now()
    visible = Meeting.objects.visible_to(request.user).select_related("organizer")
    upcoming = visible.filter(ends_at__gte=now).order_by("starts_at")[:100]
    past = visible.filter(ends_at__lt=now, starts_at__gte=now - dt.timedelta(days=92)).order_by("-starts_at")[
        :100
    ]
    return render(request, "meetings/list.html", {"upcoming": upcoming, "past": past})


def _data(cleaned, points) -> services.MeetingData:
    period = cleaned.get("period")
    return services.MeetingData(
        title=cleaned["title"],
        kind=cleaned["kind"],
        format=cleaned["format"],
        starts_at=cleaned["starts_at"],
        ends_at=cleaned["ends_at"],
        place=cleaned.get("place", ""),
        period_key=period.key if period else "",
        period_label=period.label if period else "",
        chair=cleaned.get("chair", ""),
        speakers=cleaned.get("speakers", ""),
        attendance=cleaned.get("attendance"),
        agenda=cleaned.get("agenda", ""),
        minutes=cleaned.get("minutes", ""),
        points=points,
    )


def _points(formset) -> list[services.PointData]:
    return [
        services.PointData(
            unit=f.cleaned_data.get("unit"),
            place=f.cleaned_data.get("place", ""),
            attendance=f.cleaned_data.get("attendance") or 0,
            host=f.cleaned_data.get("host", ""),
        )
        for f in formset
        if f.is_valid() and not f.is_blank
    ]


def meeting_create(request):
    organizer = _own_unit(request)
    form = MeetingForm(request.POST or None)
    formset = PointFormSet(request.POST or None, prefix="points", form_kwargs={"organizer": organizer})
    if request.method == "POST":
        valid = formset.is_valid()

        def create(cleaned):
            if not valid:
                raise ValidationError(_("Kiểm tra lại các điểm cầu."))
            return services.create_meeting(
                actor=request.user, organizer=organizer, data=_data(cleaned, _points(formset))
            )

        meeting, repeat = submit_once(
            request, form, create, result_url=lambda m: reverse("meetings:detail", args=[m.pk])
        )
        if repeat:
            return repeat
        if meeting:
            messages.success(request, _("Đã tạo hội nghị."))
            return redirect("meetings:detail", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "meetings/form.html", {"form": form, "formset": formset, "creating": True}, status=status
    )


def meeting_edit(request, pk):
    meeting = _organized(request, pk)
    initial = {
        "title": meeting.title,
        "kind": meeting.kind,
        "format": meeting.format,
        "date": timezone.localtime(meeting.starts_at).date(),
        "start_time": timezone.localtime(meeting.starts_at).time(),
        "end_time": timezone.localtime(meeting.ends_at).time(),
        "place": meeting.place,
        "period": meeting.period_key,
        "chair": meeting.chair,
        "speakers": meeting.speakers,
        "attendance": meeting.attendance,
        "agenda": meeting.agenda,
        "minutes": meeting.minutes,
        "version": meeting.version,
    }
    points = [
        {"unit": p.unit, "place": p.place, "attendance": p.attendance, "host": p.host}
        for p in meeting.points.select_related("unit")
    ]
    form = MeetingForm(request.POST or None, initial=initial)
    formset = PointFormSet(
        request.POST or None, prefix="points", initial=points, form_kwargs={"organizer": meeting.organizer}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and formset.is_valid():
            try:
                services.update_meeting(
                    actor=request.user,
                    meeting=meeting,
                    expected_version=form.cleaned_data.get("version"),
                    data=_data(form.cleaned_data, _points(formset)),
                )
                messages.success(request, _("Đã lưu hội nghị."))
                return redirect("meetings:detail", pk=pk)
            except ConflictError:
                form.add_error(
                    None, _("Hội nghị vừa được người khác sửa; nội dung bạn nhập vẫn còn dưới đây.")
                )
                status = 409
            except ValidationError as error:
                apply_validation_error(form, error)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "formset": formset, "meeting": meeting, "creating": False},
        status=status,
    )


def _detail_context(request, meeting: Meeting, **forms) -> dict:
    notice = _notice(meeting)
    local_start = timezone.localtime(meeting.starts_at)
    return {
        "meeting": meeting,
        "points": meeting.points.select_related("unit"),
        "totals": services.totals(meeting),
        "notice": notice,
        "items": list(notice.items.prefetch_related("tasks")) if notice else [],
        "files": meeting.files.all(),
        "can_organize": services.can_organize(request.user, meeting.organizer),
        "made": meeting.tasks.filter(parent__isnull=True).count(),
        "file_form": forms.get("file_form") or FileForm(),
        "move_form": forms.get("move_form")
        or MoveForm(
            initial={"date": local_start.date(), "start_time": local_start.time(), "version": meeting.version}
        ),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
        "cited": Document.objects.visible_to(request.user)
        .filter(citations__meeting=meeting)
        .order_by("number"),
        "draft_import": meeting.imports.filter(status=ImportStatus.DRAFT).first()
        if meeting.status == MeetingStatus.DRAFT
        else None,
    }


@require_GET
def meeting_detail(request, pk):
    meeting = _visible(request, pk)
    return render(request, "meetings/detail.html", _detail_context(request, meeting))


def conclusion(request, pk):
    """Thông báo kết luận: number, date, and the items, one per line."""
    meeting = _organized(request, pk)
    notice = _notice(meeting)
    initial = (
        {
            "number": notice.number,
            "issued_on": notice.issued_on,
            "summary": notice.summary,
            "items": "\n".join(i.text for i in notice.items.all()),
        }
        if notice
        else {}
    )
    form = ConclusionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_conclusion(
                    actor=request.user,
                    meeting=meeting,
                    number=form.cleaned_data["number"],
                    issued_on=form.cleaned_data["issued_on"],
                    summary=form.cleaned_data["summary"],
                    items=form.cleaned_data["items"],
                )
                messages.success(request, _("Đã lưu thông báo kết luận."))
                return redirect("meetings:detail", pk=pk)
            except ValidationError as error:
                apply_validation_error(form, error)
    return render(request, "meetings/conclusion.html", {"form": form, "meeting": meeting}, status=status)


def make_tasks(request, pk):
    """Kết luận → nhiệm vụ: for each item not given yet, the units and the deadline, in one step."""
    meeting = _organized(request, pk)
    if not task_services.can_assign(request.user, meeting.organizer):
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên giao nhiệm vụ."))
    notice = _notice(meeting)
    if notice is None:
        messages.error(request, _("Hội nghị chưa có thông báo kết luận."))
        return redirect("meetings:conclusion", pk=pk)
    items = [item for item in notice.items.all() if not item.tasks.exists()]
    data = request.POST if request.method == "POST" else None
    forms = [
        (item, ItemAssignForm(data, prefix=f"item{item.pk}", organizer=meeting.organizer)) for item in items
    ]
    status = 200
    if request.method == "POST":
        status = 400
        if all(form.is_valid() for _item, form in forms):
            communes = communes_below(meeting.organizer)
            specs = [
                task_services.ItemTasks(
                    item=item,
                    lead=communes if form.cleaned_data["all_below"] else list(form.cleaned_data["lead"]),
                    support=list(form.cleaned_data["support"]),
                    deadline=form.cleaned_data["deadline"],
                )
                for item, form in forms
            ]
            try:
                with transaction.atomic():
                    made = task_services.from_conclusions(actor=request.user, notice=notice, items=specs)
                messages.success(request, _("Đã giao %(n)d nhiệm vụ.") % {"n": len(made)})
                return redirect("meetings:detail", pk=pk)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
    return render(
        request,
        "meetings/make_tasks.html",
        {"meeting": meeting, "forms": forms, "notice": notice},
        status=status,
    )


def delete(request, pk):
    """Xóa hội nghị; if its conclusions made tasks, the user chooses to keep or cancel them."""
    meeting = _organized(request, pk)
    made = meeting.tasks.filter(parent__isnull=True).count()
    form = DeleteForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.delete_meeting(
                    actor=request.user, meeting=meeting, tasks=form.cleaned_data["tasks"] or None
                )
                messages.success(request, _("Đã xóa hội nghị."))
                return redirect("meetings:list")
            except ValidationError as error:
                apply_validation_error(form, error)
    return render(
        request, "meetings/delete.html", {"meeting": meeting, "made": made, "form": form}, status=status
    )


@require_POST
def upload(request, pk):
    meeting = _organized(request, pk)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_file(
                actor=request.user,
                meeting=meeting,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
            )
            messages.success(request, _("Đã tải tệp lên."))
            return redirect("meetings:detail", pk=pk)
        except ValidationError as error:
            apply_validation_error(form, error)
    return render(
        request, "meetings/detail.html", _detail_context(request, meeting, file_form=form), status=400
    )


@require_GET
def file(request, pk, file_pk):
    meeting = _visible(request, pk)
    attached = get_object_or_404(MeetingFile, meeting=meeting, pk=file_pk)
    return download(attached.file, attached.name)


@require_POST
def move(request, pk):
    """Dời một buổi họp (e.g. one occurrence of a series) to another day or time."""
    meeting = _organized(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.move_meeting(
                actor=request.user,
                meeting=meeting,
                expected_version=data["version"],
                starts_at=dt.datetime.combine(data["date"], data["start_time"], VN),
            )
            messages.success(request, _("Đã dời lịch họp."))
            return redirect("meetings:detail", pk=pk)
        except ConflictError:
            form.add_error(None, _("Hội nghị vừa được người khác sửa; tải lại trang rồi thử lại."))
        except ValidationError as error:
            apply_validation_error(form, error)
    return render(
        request, "meetings/detail.html", _detail_context(request, meeting, move_form=form), status=400
    )


@require_POST
def cancel(request, pk):
    """Hủy một buổi họp; if its conclusions made tasks, the user chooses to keep or cancel them."""
    meeting = _organized(request, pk)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel_meeting(
                actor=request.user,
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                tasks=form.cleaned_data["tasks"] or None,
            )
            messages.success(request, _("Đã hủy buổi họp."))
            return redirect("meetings:detail", pk=pk)
        except ValidationError as error:
            apply_validation_error(form, error)
    return render(
        request, "meetings/detail.html", _detail_context(request, meeting, cancel_form=form), status=400
    )


def series_create(request):
    """Chuỗi họp định kỳ: "Chủ nhật đầu tiên hằng tháng" and the like; each occurrence a meeting."""
    organizer = _own_unit(request)
    form = SeriesForm(request.POST or None)
    if request.method == "POST":

        def create(cleaned):
            return services.create_series(
                actor=request.user,
                organizer=organizer,
                title=cleaned["title"],
                kind=cleaned["kind"],
                format=cleaned["format"],
                rrule=cleaned["rule"],
                first_start=cleaned["first_start"],
                duration_minutes=cleaned["duration_minutes"],
                place=cleaned["place"],
            )

        series, repeat = submit_once(request, form, create, result_url=lambda s: reverse("meetings:list"))
        if repeat:
            return repeat
        if series:
            messages.success(
                request,
                _("Đã tạo chuỗi họp “%(title)s”: %(n)d buổi trong 12 tháng tới.")
                % {
                    "title": series.title,
                    "n": series.meetings.exclude(status=MeetingStatus.CANCELLED).count(),
                },
            )
            return redirect("meetings:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "meetings/series_form.html", {"form": form}, status=status)
