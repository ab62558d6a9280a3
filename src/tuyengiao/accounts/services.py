"""Account changes: audited, and validated against the roles and the creator's scope."""

from django.db import transaction

from tuyengiao.accounts.models import Role, User
from tuyengiao.core.services import audited_save, fail


@transaction.atomic
def create_user(*, actor, username: str, password: str | None, unit, roles: list[str], **fields) -> User:
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        fail(f"Vai trò không hợp lệ: {', '.join(unknown)}.", field="roles")
    if not roles:
        fail("Người dùng cần ít nhất một vai trò.", field="roles")
    if User.objects.filter(username__iexact=username).exists():
        fail(f"Tên đăng nhập “{username}” đã tồn tại.", field="username")
    user = User(username=username, unit=unit, roles=list(roles), **fields)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    return audited_save(user, actor=actor)
