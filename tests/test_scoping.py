"""The security walk: every URL, as every role, against its own objects and a foreign unit's.

A new URL pattern fails `test_every_url_pattern_is_walked` until it is added to SPEC below, with
the objects it takes: later issues extend this table.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tuyengiao.orgs import services
from tuyengiao.orgs.models import EmulationCluster, OrgUnit

ROLES = ["admin", "leader", "specialist", "officer", "rapporteur", "viewer"]
EDITORS = {"admin", "leader", "specialist", "officer"}
MANAGERS = {"admin", "leader", "specialist"}
NAMESPACES = {"web", "orgs", "accounts"}

# URL name -> the kind of object its kwargs name (None: no object).
SPEC = {
    "web:home": None,
    "orgs:tree": None,
    "orgs:unit": "unit",
    "orgs:children": "unit",
    "orgs:unit_edit": "unit",
    "orgs:merge": None,
    "orgs:clusters": None,
    "orgs:cluster_create": None,
    "orgs:cluster": "cluster",
    # account pages carry no unit data
    "accounts:login": None,
    "accounts:logout": None,
    "accounts:password_change": None,
    "accounts:password_change_done": None,
    "accounts:password_reset": None,
    "accounts:password_reset_done": None,
    "accounts:password_reset_confirm": "token",
    "accounts:password_reset_complete": None,
}


def project_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            yield from project_url_names(entry, f"{namespace}{inner}:" if inner else namespace)
        elif isinstance(entry, URLPattern) and entry.name and namespace.rstrip(":") in NAMESPACES:
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_is_walked():
    missing = set(project_url_names()) - set(SPEC)
    assert not missing, f"add these URLs to the security walk: {sorted(missing)}"


@pytest.fixture
def clusters(world):
    return {
        "an": services.create_cluster(
            actor=None, name="Cụm Tỉnh An", organizer=world.an, members=[world.new_commune]
        ),
        "commune": services.create_cluster(
            actor=None, name="Cụm Xã Mới", organizer=world.new_commune, members=[world.cell]
        ),
        "other": services.create_cluster(
            actor=None, name="Cụm Tỉnh Khác", organizer=world.other, members=[world.other_commune]
        ),
    }


def own_object(kind, role, world, clusters):
    if kind == "unit":
        return world.new_commune if role == "officer" else world.an
    return clusters["commune"] if role == "officer" else clusters["an"]


def foreign_object(kind, world, clusters):
    return world.other_commune if kind == "unit" else clusters["other"]


OBJECT_URLS = [name for name, kind in SPEC.items() if kind in {"unit", "cluster"}]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_object_pages_show_own_objects_and_hide_foreign_ones(role, url_name, world, users, clusters, login):
    client = login(users[role])
    kind = SPEC[url_name]
    own = own_object(kind, role, world, clusters)
    response = client.get(reverse(url_name, kwargs={"pk": own.pk}))
    expected = 403 if url_name == "orgs:unit_edit" and role not in EDITORS else 200
    assert response.status_code == expected
    if role == "admin":
        return  # the whole country is the admin's own
    foreign = foreign_object(kind, world, clusters)
    response = client.get(reverse(url_name, kwargs={"pk": foreign.pk}))
    assert response.status_code in (403, 404)
    assert foreign.name.encode() not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_foreign_units_cannot_be_written(role, world, users, login):
    client = login(users[role])
    target = world.other_commune if role != "admin" else None
    if target is None:
        pytest.skip("the admin has no foreign unit")
    response = client.post(
        reverse("orgs:unit_edit", kwargs={"pk": target.pk}),
        {"name": "Bị sửa", "code": target.code, "version": target.version},
    )
    assert response.status_code in (403, 404)
    target.refresh_from_db()
    assert target.name == "Xã Khác" and target.version == 1


@pytest.mark.parametrize("role", ROLES)
def test_lists_and_trees_never_show_foreign_units(role, world, users, clusters, login):
    if role == "admin":
        pytest.skip("the admin sees the whole country")
    client = login(users[role])
    for url in [
        reverse("web:home"),
        reverse("orgs:tree"),
        reverse("orgs:tree") + "?ngay=31/12/2024",
        reverse("orgs:clusters"),
        reverse("orgs:children", kwargs={"pk": users[role].unit.pk}),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        for foreign in ("Xã Khác", "Tỉnh Khác", "Cụm Tỉnh Khác"):
            assert foreign.encode() not in response.content, (url, foreign)
    # asking for a foreign root explicitly
    response = client.get(reverse("orgs:tree") + f"?goc={world.other.pk}")
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_merge_refuses_foreign_units_and_non_managers(role, world, users, login):
    client = login(users[role])
    before = OrgUnit.objects.filter(valid_to__lt="9999-01-01").count()
    response = client.post(
        reverse("orgs:merge"),
        {
            "step": "confirm",
            "date": "01/01/2026",
            "absorbed": [world.other_commune.pk],
            "successor": world.new_commune.pk,
        },
    )
    if role == "admin":
        assert response.status_code == 302  # the admin may merge anywhere
        return
    assert response.status_code in (400, 403)
    assert OrgUnit.objects.filter(valid_to__lt="9999-01-01").count() == before
    if role in MANAGERS:
        assert "không thuộc phạm vi".encode() in response.content


@pytest.mark.parametrize("role", ROLES)
def test_cluster_creation_refuses_foreign_members(role, world, users, login):
    client = login(users[role])
    response = client.post(
        reverse("orgs:cluster_create"),
        {"name": "Cụm lạ", "members": [world.other_commune.pk], "valid_from": "01/01/2026"},
    )
    if role == "admin":
        # the admin's own unit is the centre: every unit is in scope
        assert response.status_code == 302
        return
    assert response.status_code in (400, 403)
    assert not EmulationCluster.objects.filter(name="Cụm lạ").exists()


def test_anonymous_users_are_sent_to_the_login_page(world, client):
    for name, kind in SPEC.items():
        if not name.startswith("orgs:") and name != "web:home":
            continue
        url = reverse(name, kwargs={"pk": world.an.pk}) if kind else reverse(name)
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], name


def test_admin_site_is_for_system_admins_only(users, login):
    assert login(users["specialist"]).get("/quan-tri/").status_code == 302
    assert login(users["admin"]).get("/quan-tri/").status_code == 200
