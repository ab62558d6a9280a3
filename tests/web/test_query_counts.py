"""Pages cost a fixed number of queries, however many units and changes they show (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import unit
from tuyengiao.orgs import services
from tuyengiao.orgs.models import UnitKind


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow(world, n, start):
    for i in range(start, start + n):
        child = unit(
            f"Chi bộ {i}",
            UnitKind.CELL,
            world.new_commune,
            code=f"CB{i}",
            valid_from=world.new_commune.valid_from,
        )
        services.update_unit(actor=None, unit=child, phone=str(i))
        services.add_cluster_member(
            actor=None, cluster=world.cluster, unit=child, valid_from=child.valid_from
        )
    services.update_unit(actor=None, unit=world.new_commune, phone=str(start))


@pytest.mark.parametrize(
    "url_of",
    [
        lambda w: reverse("web:home"),
        lambda w: reverse("orgs:tree") + "?ngay=01/08/2025",
        lambda w: reverse("orgs:unit", args=[w.new_commune.pk]) + "?ngay=01/08/2025",
        lambda w: reverse("orgs:children", args=[w.new_commune.pk]) + "?ngay=01/08/2025",
        lambda w: reverse("orgs:clusters"),
        lambda w: reverse("orgs:cluster", args=[w.cluster.pk]) + "?ngay=01/08/2025",
    ],
    ids=["home", "tree", "unit", "children", "clusters", "cluster"],
)
def test_query_count_does_not_grow_with_the_data(world, users, login, url_of):
    world.cluster = services.create_cluster(actor=None, name="Cụm", organizer=world.an)
    client = login(users["specialist"])
    grow(world, 3, 0)
    few = queries_for(client, url_of(world))
    grow(world, 12, 100)
    many = queries_for(client, url_of(world))
    assert many == few
    assert few <= 20
