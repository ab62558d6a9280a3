"""Account changes: audited, and validated against the roles and the actor's scope."""

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc

PROFILE_FIELDS = ("first_name", "last_name", "email", "title", "phone")


def _check_roles(roles: list[str], actor) -> None:
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        fail(f"Vai trò không hợp lệ: {', '.join(unknown)}.", field="roles")
    if not roles:
        fail("Người dùng cần ít nhất một vai trò.", field="roles")
    if Role.SYSTEM_ADMIN in roles and actor is not None and not actor.is_system_admin:
        fail("Chỉ quản trị hệ thống được cấp vai trò quản trị hệ thống.", field="roles")


def _check_unit(unit, actor) -> None:
    from tuyengiao.orgs.models import OrgUnit

    if unit is None:
        fail("Chọn đơn vị của người dùng.", field="unit")
    if actor is not None and not OrgUnit.objects.editable_by(actor).filter(pk=unit.pk).exists():
        fail(f"“{unit}” không thuộc phạm vi quản lý của bạn.", field="unit")
    if not unit.is_open:
        fail(f"“{unit}” đã kết thúc hoạt động.", field="unit")


@transaction.atomic
def create_user(*, actor, username: str, password: str | None, unit, roles: list[str], **fields) -> User:
    username = nfc(username)
    _check_roles(list(roles), actor)
    if User.objects.filter(username__iexact=username).exists():
        fail(f"Tên đăng nhập “{username}” đã tồn tại.", field="username")
    if actor is not None:
        _check_unit(unit, actor)
    user = User(username=username, unit=unit, roles=list(roles), **fields)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    return audited_save(user, actor=actor)


@transaction.atomic
def update_user(
    *, actor, user: User, expected_version: int | None, unit, roles: list[str], is_active: bool, **profile
) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    check_version(user, expected_version)
    if actor is not None and actor.pk == user.pk:
        fail("Bạn không thể tự thay đổi vai trò, đơn vị hay trạng thái tài khoản của mình.")
    _check_roles(list(roles), actor)
    _check_unit(unit, actor)
    for key, value in profile.items():
        if key not in PROFILE_FIELDS:
            raise TypeError(f"update_user() cannot change {key}")
        setattr(user, key, nfc(value))
    user.unit, user.roles, user.is_active = unit, list(roles), is_active
    user.version += 1
    return audited_save(user, actor=actor)


def send_welcome(user: User, *, request) -> bool:
    """E-mail a new user a link to choose their own password. False when the account has no e-mail.

    Django's password reset form skips accounts without a usable password, as new accounts are,
    so the link is built here with the same token generator.
    """
    if not user.email:
        return False
    context = {
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request.is_secure() else "http",
        "domain": request.get_host(),
    }
    subject = "".join(render_to_string("accounts/welcome_subject.txt", context).splitlines())
    send_mail(subject, render_to_string("accounts/welcome_email.txt", context), None, [user.email])
    return True
