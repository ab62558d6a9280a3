import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import user
from tuyengiao.accounts.models import Role, User


def test_a_leader_creates_an_account_for_a_commune_and_the_user_sets_a_password(world, users, login, client):
    leader = login(users["leader"])
    response = leader.post(
        reverse("accounts:user_create"),
        {
            "username": "xamoi.canbo",
            "first_name": "Hoa",
            "last_name": "Nguyễn Thị",
            "email": "hoa@xamoi.vn",
            "unit": world.new_commune.pk,
            "roles": [Role.UNIT_OFFICER],
        },
    )
    account = User.objects.get(username="xamoi.canbo")
    assert response.status_code == 302
    assert account.unit == world.new_commune and account.roles == [Role.UNIT_OFFICER]
    assert not account.has_usable_password()
    assert account.history.first().history_user == users["leader"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hoa@xamoi.vn"]
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    leader.post(reverse("accounts:logout"))
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": "Mat-khau-rieng-2026", "new_password2": "Mat-khau-rieng-2026"})
    account.refresh_from_db()
    assert account.check_password("Mat-khau-rieng-2026")


def test_a_leader_cannot_grant_system_admin_or_place_users_outside_the_subtree(world, users, login):
    leader = login(users["leader"])
    response = leader.post(
        reverse("accounts:user_create"),
        {
            "username": "x",
            "first_name": "X",
            "unit": world.other_commune.pk,
            "roles": [Role.SYSTEM_ADMIN],
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "không thuộc phạm vi quản lý" in body and 'value="x"' in body
    assert not User.objects.filter(username="x").exists()


def test_nobody_changes_their_own_roles(world, users, login):
    response = login(users["leader"]).get(reverse("accounts:user_edit", args=[users["leader"].pk]))
    assert response.status_code == 403


def test_editing_an_account_is_audited_before_and_after(world, users, login):
    viewer = users["viewer"]
    response = login(users["leader"]).post(
        reverse("accounts:user_edit", args=[viewer.pk]),
        {
            "first_name": viewer.first_name,
            "unit": world.an.pk,
            "roles": [Role.VIEWER, Role.RAPPORTEUR],
            "is_active": "on",
            "version": viewer.version,
        },
    )
    assert response.status_code == 302
    detail = login(users["leader"]).get(reverse("accounts:user", args=[viewer.pk])).content.decode()
    assert "rapporteur" in detail and "leader" in detail  # the change, and who made it


def test_a_stale_account_edit_is_a_conflict_that_keeps_the_input(world, users, login):
    viewer = users["viewer"]
    client = login(users["leader"])
    data = {"first_name": "Một", "unit": world.an.pk, "roles": [Role.VIEWER], "is_active": "on", "version": 1}
    assert client.post(reverse("accounts:user_edit", args=[viewer.pk]), data).status_code == 302
    response = client.post(reverse("accounts:user_edit", args=[viewer.pk]), {**data, "first_name": "Hai"})
    assert response.status_code == 409
    assert 'value="Hai"' in response.content.decode()
    viewer.refresh_from_db()
    assert viewer.first_name == "Một"


@pytest.mark.parametrize("role", ["specialist", "officer", "rapporteur", "viewer"])
def test_only_leaders_and_admins_manage_accounts(role, world, users, login):
    assert login(users[role]).get(reverse("accounts:users")).status_code == 403


def test_the_user_list_finds_people_by_unit_without_diacritics(world, users, login):
    user("xa.moi", world.new_commune, Role.UNIT_OFFICER)
    body = login(users["leader"]).get(reverse("accounts:users") + "?q=xa moi").content.decode()
    assert "xa.moi" in body and "viewer" not in body
