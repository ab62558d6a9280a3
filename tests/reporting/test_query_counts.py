"""Reporting pages run a fixed number of queries whatever the number of units (no N+1)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import unit, user
from tests.reporting.conftest import GOOD, fill
from tuyengiao.accounts.models import Role
from tuyengiao.orgs.models import UnitKind
from tuyengiao.reporting.models import Assignment, SubmissionStatus
from tuyengiao.reporting.periods import month


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_communes(world, template, count, start):
    """More communes reporting September 2025, with users to contact."""
    for i in range(start, start + count):
        commune = unit(
            f"Xã Thêm {i}",
            UnitKind.COMMUNE,
            world.an,
            code=f"AN.T{i}",
            valid_from=world.new_commune.valid_from,
        )
        user(f"canbo{i}", commune, Role.UNIT_OFFICER)
        fill(
            template,
            world.an,
            month(2025, 9),
            commune,
            GOOD,
            status=SubmissionStatus.SUBMITTED,
            narrative=f"Xã {i}",
        )


@pytest.mark.parametrize(
    "url_of",
    [
        lambda a: reverse("reporting:due"),
        lambda a: reverse("reporting:assignment", args=[a.pk]),
        lambda a: reverse("reporting:entry", args=[a.submissions.first().pk]),
        lambda a: (
            reverse("reporting:consolidated")
            + f"?unit={a.assigner_id}&period=2025-M09&template_code=BC-TG&statuses=submitted"
        ),
        lambda a: reverse("reporting:templates"),
        lambda a: reverse("reporting:template", args=[a.template_id]),
        lambda a: reverse("web:home"),
    ],
    ids=["due", "assignment", "entry", "consolidated", "templates", "template", "home"],
)
def test_reporting_pages_do_not_grow_with_the_units(world, template, login, url_of):
    client = login(user("chuyenvien", world.an, Role.SPECIALIST))
    add_communes(world, template, 2, 0)
    assignment = Assignment.objects.get(period_key="2025-M09")
    few = queries_for(client, url_of(assignment))
    add_communes(world, template, 6, 100)
    many = queries_for(client, url_of(assignment))
    assert many == few
    assert few <= 40
    assert assignment.deadline == dt.date(2025, 10, 5)
