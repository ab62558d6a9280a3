"""A form that creates something, sent twice with the same token, creates it once."""

import uuid

from django.urls import reverse

from tuyengiao.orgs.models import EmulationCluster, LineageEvent, OrgUnit


def test_the_same_cluster_form_sent_twice_creates_one_cluster(world, users, login):
    client = login(users["leader"])
    data = {
        "name": "Cụm số 7",
        "members": [world.new_commune.pk],
        "valid_from": "01/07/2025",
        "form_token": str(uuid.uuid4()),
    }
    first = client.post(reverse("orgs:cluster_create"), data)
    second = client.post(reverse("orgs:cluster_create"), data)
    assert EmulationCluster.objects.filter(name="Cụm số 7").count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]


def test_a_refused_send_releases_its_token(world, users, login):
    client = login(users["leader"])
    token = str(uuid.uuid4())
    refused = client.post(
        reverse("orgs:cluster_create"),
        {
            "name": "Cụm số 8",
            "valid_from": "31/02/2025",
            "members": [world.new_commune.pk],
            "form_token": token,
        },
    )
    assert refused.status_code == 400 and f'value="{token}"' in refused.content.decode()  # kept for the retry
    accepted = client.post(
        reverse("orgs:cluster_create"),
        {
            "name": "Cụm số 8",
            "valid_from": "28/02/2025",
            "members": [world.new_commune.pk],
            "form_token": token,
        },
    )
    assert accepted.status_code == 302
    assert EmulationCluster.objects.filter(name="Cụm số 8").count() == 1


def test_a_second_confirm_of_a_merge_leads_to_the_first_result(world, users, login):
    client = login(users["specialist"])
    data = {
        "step": "confirm",
        "date": "01/01/2026",
        "absorbed": [world.new_commune.pk],
        "new_name": "Xã Hợp",
        "new_code": "AN.HOP",
        "form_token": str(uuid.uuid4()),
    }
    first = client.post(reverse("orgs:merge"), data)
    second = client.post(reverse("orgs:merge"), data)
    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    assert OrgUnit.objects.filter(code="AN.HOP").count() == 1
    assert LineageEvent.objects.filter(date="2026-01-01").count() == 1


def test_tokens_belong_to_their_user(world, users, login, client):
    token = str(uuid.uuid4())
    data = {
        "name": "Cụm số 9",
        "members": [world.new_commune.pk],
        "valid_from": "01/07/2025",
        "form_token": token,
    }
    login(users["leader"]).post(reverse("orgs:cluster_create"), data)
    other = login(users["specialist"]).post(reverse("orgs:cluster_create"), data)
    # the other user is not shown the first user's result: back to the form, nothing created
    assert other.status_code == 302 and other["Location"] == reverse("orgs:cluster_create")
    assert EmulationCluster.objects.filter(name="Cụm số 9").count() == 1
