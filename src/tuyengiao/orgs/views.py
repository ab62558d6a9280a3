from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuyengiao.core.audit import audit_trail
from tuyengiao.core.dates import FOREVER
from tuyengiao.core.once import AlreadySubmitted, once, previous_result
from tuyengiao.core.services import ConflictError
from tuyengiao.core.templatetags.tg import vdate
from tuyengiao.core.views import apply_validation_error, submit, submit_once
from tuyengiao.orgs import queries, services
from tuyengiao.orgs.forms import (
    AsOfForm,
    ChildUnitForm,
    ClusterForm,
    EndUnitForm,
    MemberForm,
    MergeForm,
    TransferForm,
    UnitForm,
)
from tuyengiao.orgs.models import ClusterMembership, EmulationCluster, OrgUnit, UnitKind, UnitLink


def _visible_unit(request, pk) -> OrgUnit:
    return get_object_or_404(OrgUnit.objects.visible_to(request.user), pk=pk)


def _default_root(user) -> OrgUnit:
    if user.unit_id:
        return user.unit
    root = OrgUnit.objects.visible_to(user).filter(kind=UnitKind.CENTRE).order_by("-valid_to").first()
    if root is None:
        raise Http404(_("Chưa có dữ liệu tổ chức."))
    return root


def _with_child_counts(units, day):
    in_force = Q(
        child_links__valid_from__lte=day,
        child_links__valid_to__gte=day,
        child_links__child__valid_from__lte=day,
        child_links__child__valid_to__gte=day,
    )
    return units.annotate(n_children=Count("child_links", filter=in_force))


def _as_of(request):
    form = AsOfForm(request.GET or None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return form, form.as_of(), status


@require_GET
def tree(request):
    """The organization tree as of a chosen date, from the user's unit down."""
    form, day, status = _as_of(request)
    root = _visible_unit(request, request.GET["goc"]) if request.GET.get("goc", "").isdigit() else None
    root = root or _default_root(request.user)
    children = _with_child_counts(queries.children(root, day), day)
    context = {
        "form": form,
        "day": day,
        "root": root,
        "children": children,
        "ancestors": queries.ancestors(root, day),
        "root_valid": root.is_valid_on(day),
    }
    return render(request, "orgs/tree.html", context, status=status)


@require_GET
def unit_children(request, pk):
    """htmx partial: one level of the tree under a unit."""
    unit = _visible_unit(request, pk)
    form, day, status = _as_of(request)
    children = _with_child_counts(queries.children(unit, day), day)
    return render(request, "orgs/_children.html", {"children": children, "day": day}, status=status)


@require_GET
def unit_detail(request, pk):
    unit = _visible_unit(request, pk)
    form, day, status = _as_of(request)
    links = UnitLink.objects.filter(child=unit).select_related("parent").order_by("valid_from")
    context = {
        "unit": unit,
        "form": form,
        "day": day,
        "links": links,
        "ancestors": queries.ancestors(unit, day),
        "children": _with_child_counts(queries.children(unit, day), day),
        "lineage": queries.lineage(unit),
        "history": audit_trail(
            unit.history.all(),
            UnitLink.history.filter(child_id=unit.pk).select_related("parent"),
            describe=_describe_change,
        ),
        "can_edit": OrgUnit.objects.editable_by(request.user).filter(pk=unit.pk).exists(),
        "can_restructure": OrgUnit.objects.restructurable_by(request.user).filter(pk=unit.pk).exists(),
    }
    return render(request, "orgs/unit_detail.html", context, status=status)


def _describe_change(record) -> str:
    if hasattr(record, "parent_id"):
        return _("quan hệ trực thuộc: %(p)s (%(f)s – %(t)s)") % {
            "p": record.parent,
            "f": vdate(record.valid_from),
            "t": vdate(record.valid_to),
        }
    return _("thông tin đơn vị")


def unit_edit(request, pk):
    unit = _visible_unit(request, pk)
    if not OrgUnit.objects.editable_by(request.user).filter(pk=unit.pk).exists():
        raise PermissionDenied(_("Bạn không có quyền sửa đơn vị này."))
    form = UnitForm(request.POST or None, instance=unit, initial={"version": unit.version})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in UnitForm.Meta.fields}
            try:
                services.update_unit(
                    actor=request.user, unit=unit, expected_version=form.cleaned_data["version"], **changes
                )
            except ConflictError as conflict:
                current = conflict.current
                current_values = [
                    (form.fields[name].label, getattr(current, name)) for name in UnitForm.Meta.fields
                ]
                return render(
                    request,
                    "orgs/unit_conflict.html",
                    {"form": form, "unit": unit, "current": current, "current_values": current_values},
                    status=409,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Đã lưu thông tin đơn vị."))
                return redirect("orgs:unit", pk=unit.pk)
        status = 400
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit}, status=status)


def merge(request):
    """Merge wizard: choose units, date and successor; see what will move; confirm to commit at once."""
    if not request.user.can_manage_subtree:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên được sáp nhập đơn vị."))
    initial = {"absorbed": request.GET.getlist("don_vi")} if request.method == "GET" else None
    form = MergeForm(request.POST or None, user=request.user, initial=initial)
    if request.method != "POST":
        return render(request, "orgs/merge_form.html", {"form": form})
    if request.POST.get("step") == "confirm" and (first := previous_result(request)):
        return redirect(first)  # a second click on "confirm": the merge is done already
    if request.POST.get("step") == "edit":
        return render(request, "orgs/merge_form.html", {"form": form})
    plan = None
    if form.is_valid():
        data = form.cleaned_data
        absorbed = list(data["absorbed"])
        new_successor = None
        if data.get("new_name"):
            parent = services.parent_on(absorbed[0], data["date"] - services.ONE_DAY)
            new_successor = services.NewUnit(
                name=data["new_name"], code=data["new_code"], kind=absorbed[0].kind, parent=parent
            )
            if (
                parent is not None
                and not OrgUnit.objects.editable_by(request.user).filter(pk=parent.pk).exists()
            ):
                form.add_error(None, _("Bạn không có quyền tạo đơn vị dưới “%(p)s”.") % {"p": parent})
        if not form.errors:
            try:
                plan = services.plan_merge(
                    absorbed=absorbed,
                    date=data["date"],
                    successor=data.get("successor"),
                    new_successor=new_successor,
                    legal_basis=data.get("legal_basis", ""),
                )
                if request.POST.get("step") == "confirm":
                    with once(request) as claim:
                        event = services.merge_units(actor=request.user, plan=plan)
                        successor = event.links.get(role="to").unit
                        claim.done(reverse("orgs:unit", args=[successor.pk]))
                    messages.success(
                        request,
                        _("Đã sáp nhập %(n)d đơn vị vào “%(s)s” từ ngày %(d)s.")
                        % {"n": len(absorbed), "s": successor, "d": data["date"].strftime("%d/%m/%Y")},
                    )
                    return redirect("orgs:unit", pk=successor.pk)
            except AlreadySubmitted as repeat:
                return redirect(repeat.result_url or "orgs:merge")
            except ValidationError as error:
                apply_validation_error(form, error)
                plan = None
    if plan is None:
        return render(request, "orgs/merge_form.html", {"form": form}, status=400)
    return render(request, "orgs/merge_preview.html", {"form": form, "plan": plan})


@require_GET
def clusters(request):
    items = (
        EmulationCluster.objects.visible_to(request.user)
        .select_related("organizer")
        .annotate(n_members=Count("memberships", filter=Q(memberships__valid_to=FOREVER)))
    )
    return render(request, "orgs/clusters.html", {"clusters": items})


def cluster_create(request):
    if not request.user.can_manage_subtree or request.user.unit_id is None:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và chuyên viên được lập cụm thi đua."))
    form = ClusterForm(request.POST or None, user=request.user)
    if request.method == "POST":
        cluster, repeat = submit_once(
            request,
            form,
            lambda data: services.create_cluster(actor=request.user, organizer=request.user.unit, **data),
            result_url=lambda cluster: reverse("orgs:cluster", args=[cluster.pk]),
        )
        if repeat:
            return repeat
        if cluster:
            messages.success(request, _("Đã lập cụm thi đua."))
            return redirect("orgs:cluster", pk=cluster.pk)
        return render(request, "orgs/cluster_form.html", {"form": form}, status=400)
    return render(request, "orgs/cluster_form.html", {"form": form})


@require_GET
def cluster_detail(request, pk):
    cluster = get_object_or_404(
        EmulationCluster.objects.visible_to(request.user).select_related("organizer"), pk=pk
    )
    form, day, status = _as_of(request)
    memberships = cluster.memberships.select_related("unit").order_by("unit__name_folded")
    current = [m for m in memberships if m.valid_from <= day <= m.valid_to]
    context = {
        "cluster": cluster,
        "memberships": memberships,
        "current": current,
        "form": form,
        "day": day,
        "can_manage": _can_manage_cluster(request.user, cluster),
    }
    return render(request, "orgs/cluster_detail.html", context, status=status)


def _can_manage_cluster(user, cluster) -> bool:
    return (
        user.can_manage_subtree and EmulationCluster.objects.editable_by(user).filter(pk=cluster.pk).exists()
    )


def _action_page(
    request, form, *, title, subject, submit_label, cancel_url, explanation="", status=200, once=False
):
    context = {
        "form": form,
        "title": title,
        "subject": subject,
        "submit_label": submit_label,
        "cancel_url": cancel_url,
        "explanation": explanation,
        "once": once,
    }
    return render(request, "orgs/action_form.html", context, status=400 if form.errors else 200)


def _restructurable_unit(request, pk, *, own_allowed=False) -> OrgUnit:
    """A unit the user may change the structure of (404 outside their scope, 403 inside it)."""
    unit = _visible_unit(request, pk)
    allowed = (
        OrgUnit.objects.editable_by(request.user)
        if own_allowed
        else OrgUnit.objects.restructurable_by(request.user)
    )
    if not request.user.can_manage_subtree or not allowed.filter(pk=unit.pk).exists():
        raise PermissionDenied(
            _("Chỉ lãnh đạo ban và chuyên viên của đơn vị cấp trên được thay đổi cơ cấu đơn vị này.")
        )
    return unit


def unit_add_child(request, pk):
    """Thành lập đơn vị trực thuộc."""
    parent = _restructurable_unit(request, pk, own_allowed=True)
    form = ChildUnitForm(request.POST or None)
    if request.method == "POST":
        child, repeat = submit_once(
            request,
            form,
            lambda data: services.create_unit(actor=request.user, parent=parent, **data),
            result_url=lambda child: reverse("orgs:unit", args=[child.pk]),
        )
        if repeat:
            return repeat
        if child:
            messages.success(request, _("Đã thành lập “%(u)s”.") % {"u": child})
            return redirect("orgs:unit", pk=child.pk)
    return _action_page(
        request,
        form,
        title=_("Thành lập đơn vị trực thuộc"),
        subject=parent,
        submit_label=_("Thành lập"),
        cancel_url=reverse("orgs:unit", args=[parent.pk]),
        once=True,
    )


def unit_end(request, pk):
    """Kết thúc hoạt động: the unit is kept with its history, and ends after the day given."""
    unit = _restructurable_unit(request, pk)
    form = EndUnitForm(request.POST or None)
    if request.method == "POST":
        ended = submit(
            form,
            lambda data: services.end_unit(
                actor=request.user, unit=unit, last_day=data["last_day"], reason=data["reason"]
            ),
        )
        if ended:
            messages.success(
                request,
                _("“%(u)s” kết thúc hoạt động sau ngày %(d)s.")
                % {"u": ended, "d": ended.valid_to.strftime("%d/%m/%Y")},
            )
            return redirect("orgs:unit", pk=unit.pk)
    return _action_page(
        request,
        form,
        title=_("Kết thúc hoạt động"),
        subject=unit,
        submit_label=_("Kết thúc"),
        explanation=_("Đơn vị không bị xóa: hồ sơ và lịch sử của đơn vị được giữ nguyên."),
        cancel_url=reverse("orgs:unit", args=[unit.pk]),
    )


def unit_transfer(request, pk):
    """Điều chuyển: the unit moves under another parent from a date; it stays the same unit."""
    unit = _restructurable_unit(request, pk)
    form = TransferForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST":
        done = submit(
            form,
            lambda data: services.transfer_unit(
                actor=request.user, unit=unit, new_parent=data["new_parent"], date=data["date"]
            ),
        )
        if done:
            messages.success(request, _("Đã điều chuyển “%(u)s”.") % {"u": unit})
            return redirect("orgs:unit", pk=unit.pk)
    return _action_page(
        request,
        form,
        title=_("Điều chuyển đơn vị"),
        subject=unit,
        submit_label=_("Điều chuyển"),
        cancel_url=reverse("orgs:unit", args=[unit.pk]),
    )


def _managed_cluster(request, pk) -> EmulationCluster:
    cluster = get_object_or_404(EmulationCluster.objects.visible_to(request.user), pk=pk)
    if not _can_manage_cluster(request.user, cluster):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức cụm được thay đổi thành viên."))
    return cluster


def cluster_member_add(request, pk):
    cluster = _managed_cluster(request, pk)
    form = MemberForm(request.POST or None, user=request.user)
    if request.method == "POST":
        member = submit(
            form,
            lambda data: services.add_cluster_member(
                actor=request.user, cluster=cluster, unit=data["unit"], valid_from=data["valid_from"]
            ),
        )
        if member:
            messages.success(request, _("Đã thêm “%(u)s” vào cụm.") % {"u": member.unit})
            return redirect("orgs:cluster", pk=cluster.pk)
    return _action_page(
        request,
        form,
        title=_("Thêm thành viên cụm"),
        subject=cluster,
        submit_label=_("Thêm"),
        cancel_url=reverse("orgs:cluster", args=[cluster.pk]),
    )


def cluster_member_end(request, pk, member_pk):
    cluster = _managed_cluster(request, pk)
    membership = get_object_or_404(ClusterMembership, pk=member_pk, cluster=cluster)
    form = EndUnitForm(request.POST or None)
    del form.fields["reason"]
    if request.method == "POST":
        ended = submit(
            form,
            lambda data: services.end_cluster_member(
                actor=request.user, membership=membership, last_day=data["last_day"]
            ),
        )
        if ended:
            messages.success(request, _("“%(u)s” thôi là thành viên cụm.") % {"u": membership.unit})
            return redirect("orgs:cluster", pk=cluster.pk)
    return _action_page(
        request,
        form,
        title=_("Kết thúc tư cách thành viên"),
        subject=f"{membership.unit} · {cluster}",
        submit_label=_("Kết thúc"),
        cancel_url=reverse("orgs:cluster", args=[cluster.pk]),
    )
