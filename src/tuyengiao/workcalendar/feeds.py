"""Đăng ký lịch: a private address per user from which a calendar app (Outlook, Google Calendar, a
phone) fetches the user's unit calendar without logging in. The address is signed, names the user
only, and stops working when the user changes password or is deactivated."""

from django.core import signing
from django.utils.crypto import salted_hmac

from tuyengiao.accounts.models import User

SALT = "tuyengiao.workcalendar.feed"


def _fingerprint(user: User) -> str:
    return salted_hmac(SALT, f"{user.pk}:{user.password}").hexdigest()[:12]


def token_for(user: User) -> str:
    return signing.Signer(salt=SALT).sign(f"{user.pk}.{_fingerprint(user)}")


def user_for(token: str) -> User | None:
    """The active user a token was made for, or None (bad, forged or revoked)."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
        pk, fingerprint = value.split(".", 1)
        user = User.objects.select_related("unit").get(pk=int(pk), is_active=True)
    except (signing.BadSignature, ValueError, User.DoesNotExist):
        return None
    return user if fingerprint == _fingerprint(user) and user.unit_id else None
