"""The registry's pages read a bounded number of queries, however many rows they show."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import REFORM, unit
from tuyengiao.documents import implementation
from tuyengiao.documents.models import Reach
from tuyengiao.tasks import services as tasks


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _communes(world, n: int, start: int = 0):
    return [
        unit(f"Xã Số {i}", parent=world.an, code=f"AN.Q{i}", valid_from=REFORM)
        for i in range(start, start + n)
    ]


@pytest.mark.parametrize("page", ["documents:tracking", "documents:tracking_xlsx", "documents:detail"])
def test_the_tracking_pages_read_a_bounded_number_of_queries_for_many_units(
    page, users, login, world, directive, study
):
    _communes(world, 24)  # 25 units below the province: a query per unit or per cell would show
    review = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="review",
        title="Sơ kết 1 năm",
        due_on=dt.date(2027, 10, 25),
        reach=Reach.CHILDREN,
    )
    for action in (study, review):
        parent = implementation.give(actor=None, action=action)
        assert parent.children_count == 25
        for child in parent.children.all()[:5]:
            figures = {"participants": 40, "members": 50} if action == study else {}
            tasks.report_progress(actor=None, task=child, expected_version=1, percent=100, **figures)
    client = login(users["specialist"])
    assert _queries(client, reverse(page, args=[directive.pk])) <= 14


def test_the_registry_list_does_not_read_more_for_more_documents(users, login, world, directive):
    from tuyengiao.documents import services

    client = login(users["specialist"])
    few = _queries(client, reverse("documents:list"))
    for n in range(1, 21):
        services.register(
            actor=None,
            unit=world.an,
            data=services.DocumentData(
                number=f"{n}-KH/TU", issued_on=dt.date(2026, 1, n), subject="Kế hoạch"
            ),
        )
    assert _queries(client, reverse("documents:list")) == few
