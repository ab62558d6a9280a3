from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuyengiao.core import xlsx
from tuyengiao.core.files import download
from tuyengiao.core.services import ConflictError
from tuyengiao.core.views import apply_validation_error, submit_once
from tuyengiao.meetings.forms import communes_below
from tuyengiao.tasks import exports, queries, services
from tuyengiao.tasks.forms import AssignForm, ProgressForm
from tuyengiao.tasks.models import ProgressUpdate, Task

PAGE_SIZE = 100
EXPORT_LIMIT = 100_000


def _page(request, tasks, today):
    """A page of a task list (?trang=N); each task knows how many days late it is."""
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("trang"))
    for task in page:
        task.days_late = (today - task.deadline).days if task.is_overdue(today) else 0
    return page


@require_GET
def mine(request):
    """Nhiệm vụ của đơn vị: open first, nearest deadline first."""
    today = timezone.localdate()
    return render(
        request,
        "tasks/mine.html",
        {"tasks": _page(request, queries.my_tasks(request.user), today), "today": today},
    )


@require_GET
def assigned(request):
    """Nhiệm vụ đã giao: units × status."""
    rows = queries.matrix(request.user, timezone.localdate())
    totals = {key: sum(r[key] for r in rows) for key in (*queries.MATRIX_COLUMNS, "total")}
    return render(
        request, "tasks/assigned.html", {"rows": rows, "totals": totals, "rule": services.PARENT_RULE}
    )


def create(request):
    """Giao nhiệm vụ nhân danh đơn vị mình."""
    unit = request.user.unit
    if unit is None or not services.can_assign(request.user, unit):
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên giao nhiệm vụ."))
    form = AssignForm(request.POST or None, unit=unit)
    if request.method == "POST":

        def assign(data):
            chosen = communes_below(unit) if data["all_below"] else list(data["units"])
            return services.assign(
                actor=request.user,
                assigner=unit,
                data=services.TaskData(
                    title=data["title"],
                    description=data["description"],
                    source=data["source"],
                    source_reference=data["source_reference"],
                    given_on=data["given_on"],
                    deadline=data["deadline"],
                    assignees=[services.Assignee(u) for u in chosen],
                ),
            )

        task, repeat = submit_once(
            request, form, assign, result_url=lambda t: reverse("tasks:detail", args=[t.pk])
        )
        if repeat:
            return repeat
        if task:
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect("tasks:detail", pk=task.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "tasks/create.html", {"form": form, "rule": services.PARENT_RULE}, status=status)


@require_GET
def export(request, which, fmt):
    """The list on screen (mine, overdue) as XLSX or CSV."""
    today = timezone.localdate()
    if which == "cua-don-vi":
        tasks, title = queries.my_tasks(request.user)[:EXPORT_LIMIT], "Nhiệm vụ của đơn vị"
    elif which == "qua-han":
        tasks, title = queries.overdue_under(request.user, today)[:EXPORT_LIMIT], "Nhiệm vụ quá hạn"
    else:
        raise Http404
    filename = f"nhiem-vu-{which}-{today:%Y%m%d}"
    if fmt == "xlsx":
        response = HttpResponse(exports.to_xlsx(tasks, title), content_type=xlsx.MIME)
    else:
        response = HttpResponse(exports.to_csv(tasks), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_GET
def overdue(request):
    """Nhiệm vụ quá hạn trong toàn phạm vi."""
    today = timezone.localdate()
    return render(
        request,
        "tasks/overdue.html",
        {"tasks": _page(request, queries.overdue_under(request.user, today), today), "today": today},
    )


def detail(request, pk):
    """A task, its progress updates; the unit carrying it out reports progress here."""
    task = get_object_or_404(
        Task.objects.visible_to(request.user).select_related(
            "assigner", "assignee", "parent", "source_meeting"
        ),
        pk=pk,
    )
    may_report = services.can_report(request.user, task) and not task.is_cascade
    attendance = task.attendance_target is not None
    form = ProgressForm(
        initial={
            "percent": task.progress,
            "version": task.version,
            "participants": task.participants,
            "members": task.members,
        },
        attendance=attendance,
    )
    status = 200
    if request.method == "POST":
        if not may_report:
            raise PermissionDenied(_("Chỉ đơn vị thực hiện báo cáo tiến độ nhiệm vụ này."))
        form = ProgressForm(request.POST, request.FILES, attendance=attendance)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.report_progress(
                    actor=request.user,
                    task=task,
                    expected_version=data["version"],
                    percent=data["percent"],
                    text=data["text"],
                    file=data["file"],
                    done=data["done"],
                    participants=data.get("participants"),
                    members=data.get("members"),
                )
                messages.success(request, _("Đã cập nhật tiến độ."))
                return redirect("tasks:detail", pk=pk)
            except ConflictError as conflict:
                form.add_error(None, _("Nhiệm vụ vừa được người khác cập nhật; kiểm tra lại rồi gửi lại."))
                task, status = conflict.current, 409
            except ValidationError as error:
                apply_validation_error(form, error)
                status = 400
        else:
            status = 400
    children = (
        task.children.select_related("assignee").order_by("assignee__name_folded") if task.is_cascade else []
    )
    return render(
        request,
        "tasks/detail.html",
        {
            "task": task,
            "children": children,
            "updates": task.updates.select_related("actor"),
            "form": form,
            "may_report": may_report,
            "rule": services.PARENT_RULE,
        },
        status=status,
    )


@require_GET
def update_file(request, pk, update_pk):
    """The evidence attached to a progress report, for those who see the task."""
    task = get_object_or_404(Task.objects.visible_to(request.user), pk=pk)
    update = get_object_or_404(ProgressUpdate, task=task, pk=update_pk)
    return download(update.file)
