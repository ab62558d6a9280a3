"""Account management for system admins and, within their subtree, commission leaders."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuyengiao.accounts import services
from tuyengiao.accounts.forms import UserCreateForm, UserEditForm
from tuyengiao.accounts.models import User
from tuyengiao.core.audit import audit_trail
from tuyengiao.core.services import ConflictError
from tuyengiao.core.text import nfc
from tuyengiao.core.views import submit, submit_once


def _require_manager(request):
    if not request.user.can_manage_accounts:
        raise PermissionDenied(_("Chỉ lãnh đạo ban và quản trị hệ thống được quản lý tài khoản."))


@require_GET
def user_list(request):
    _require_manager(request)
    users = (
        User.objects.visible_to(request.user).select_related("unit").order_by("unit__name_folded", "username")
    )
    query = nfc(request.GET.get("q", ""))
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(unit__name_folded__contains=_fold(query))
        )
    return render(request, "accounts/user_list.html", {"users": users[:500], "q": query})


def _fold(text):
    from tuyengiao.core.text import fold

    return fold(text)


@require_GET
def user_detail(request, pk):
    _require_manager(request)
    account = get_object_or_404(User.objects.visible_to(request.user).select_related("unit"), pk=pk)
    context = {
        "account": account,
        "can_edit": User.objects.editable_by(request.user).filter(pk=pk).exists(),
        "history": audit_trail(account.history.all(), describe=lambda record: _("tài khoản")),
    }
    return render(request, "accounts/user_detail.html", context)


def user_create(request):
    _require_manager(request)
    form = UserCreateForm(request.POST or None, actor=request.user)
    if request.method == "POST":
        account, repeat = submit_once(
            request,
            form,
            lambda data: services.create_user(actor=request.user, password=None, **data),
            result_url=lambda account: reverse("accounts:user", args=[account.pk]),
        )
        if repeat:
            return repeat
        if account:
            sent = services.send_welcome(account, request=request)
            note = (
                _("Đã gửi thư để người dùng tự đặt mật khẩu.")
                if sent
                else _("Tài khoản chưa có thư điện tử.")
            )
            messages.success(request, _("Đã tạo tài khoản %(u)s. %(n)s") % {"u": account.username, "n": note})
            return redirect("accounts:user", pk=account.pk)
    return render(request, "accounts/user_form.html", {"form": form}, status=400 if form.errors else 200)


def user_edit(request, pk):
    _require_manager(request)
    account = get_object_or_404(User.objects.visible_to(request.user), pk=pk)
    if not User.objects.editable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied(_("Bạn không được sửa tài khoản này."))
    form = UserEditForm(request.POST or None, actor=request.user, instance=account)
    if request.method == "POST":
        try:
            saved = submit(
                form,
                lambda data: services.update_user(
                    actor=request.user, user=account, expected_version=data.pop("version"), **data
                ),
            )
        except ConflictError as conflict:
            messages.error(
                request,
                _(
                    "Tài khoản vừa được người khác sửa. Nội dung bạn nhập vẫn còn; "
                    "hãy xem bản hiện tại rồi lưu lại."
                ),
            )
            form = UserEditForm(request.POST, actor=request.user, instance=conflict.current, stale=True)
            return render(
                request, "accounts/user_form.html", {"form": form, "account": conflict.current}, status=409
            )
        if saved:
            messages.success(request, _("Đã lưu tài khoản."))
            return redirect("accounts:user", pk=account.pk)
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "account": account},
        status=400 if form.errors else 200,
    )
