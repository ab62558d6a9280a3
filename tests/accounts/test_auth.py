import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, user
from tuyengiao.accounts.models import Role


@pytest.mark.real_hashing
def test_passwords_are_hashed_with_argon2(world):
    account = user("hashed", world.an, Role.VIEWER)
    assert identify_hasher(account.password).algorithm == "argon2"


def test_login_and_logout(world, client):
    user("lan", world.an, Role.SPECIALIST)
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("web:home")
    assert client.get(reverse("web:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("web:home")).status_code == 302


def test_a_wrong_password_gets_a_vietnamese_message(world, client):
    user("lan", world.an, Role.SPECIALIST)
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_repeated_failures_lock_the_account(world, client, settings):
    user("lan", world.an, Role.SPECIALIST)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "lan", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()


def test_password_reset_by_email(world, client):
    account = user("lan", world.an, Role.SPECIALIST)
    response = client.post(reverse("accounts:password_reset"), {"email": account.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [account.email]
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"}
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.check_password("Mat-khau-moi-2026")


def test_password_change_is_audited(world, login):
    account = user("lan", world.an, Role.SPECIALIST)
    client = login(account)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.check_password("Mat-khau-moi-2026")


def test_user_changes_are_audited_with_before_and_after(world):
    from tuyengiao.accounts import services

    account = services.create_user(
        actor=None, username="mai", password=None, unit=world.an, roles=[Role.VIEWER]
    )
    account.roles = [Role.VIEWER, Role.RAPPORTEUR]
    account._history_user = None
    account.save()
    latest = account.history.first()
    change = latest.diff_against(latest.prev_record).changes
    assert [(c.field, c.old, c.new) for c in change] == [("roles", ["viewer"], ["viewer", "rapporteur"])]


def test_unknown_roles_are_refused(world):
    from django.core.exceptions import ValidationError

    from tuyengiao.accounts import services

    with pytest.raises(ValidationError, match="Vai trò không hợp lệ"):
        services.create_user(actor=None, username="x", password=None, unit=world.an, roles=["king"])
