"""Học tập, quán triệt: a task with an attendance target counts the party members who took part."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import user
from tests.tasks.conftest import GIVEN
from tuyengiao.accounts.models import Role
from tuyengiao.tasks import services
from tuyengiao.tasks.models import TaskStatus, attendance_percent
from tuyengiao.tasks.services import Assignee, TaskData


@pytest.fixture
def study(world, communes, province_specialist):
    """“Học tập, quán triệt Kết luận 21-KL/TW” for the three communes, 90 % of members to take part."""
    return services.assign(
        actor=province_specialist,
        assigner=world.an,
        data=TaskData(
            title="Học tập, quán triệt Kết luận 21-KL/TW",
            given_on=GIVEN,
            deadline=dt.date(2026, 8, 31),
            assignees=[Assignee(c) for c in communes],
            attendance_target=90,
        ),
    )


def _report(task, **figures):
    task.refresh_from_db()
    return services.report_progress(actor=None, task=task, expected_version=task.version, **figures)


def test_attendance_is_participants_over_members_with_one_decimal():
    assert attendance_percent(193, 200) == Decimal("96.5")
    assert attendance_percent(2, 3) == Decimal("66.7")
    assert attendance_percent(None, 200) is None and attendance_percent(0, 0) is None


def test_the_parent_sums_its_childrens_figures_and_counts_who_is_under_the_target(study, communes):
    first, second, third = (study.children.get(assignee=c) for c in communes)
    assert {c.attendance_target for c in study.children.all()} == {90}
    _report(first, percent=100, participants=190, members=200)  # 95 %
    _report(second, percent=50, participants=80, members=100)  # 80 %: under the target
    study.refresh_from_db()
    assert (study.participants, study.members, study.attendance) == (270, 300, Decimal("90.0"))
    second.refresh_from_db()
    assert second.below_target and not study.below_target
    services.cancel(actor=None, task=second, reason="Tổ chức lại")
    study.refresh_from_db()
    assert (study.participants, study.members) == (190, 200)  # a cancelled unit's figures leave the sum
    assert third.updates.count() == 0


def test_a_study_task_is_not_completed_without_its_figures_and_bad_figures_are_refused(study, communes):
    child = study.children.get(assignee=communes[0])
    with pytest.raises(ValidationError, match="số đảng viên tham gia"):
        _report(child, percent=100)
    with pytest.raises(ValidationError, match="không vượt quá"):
        _report(child, percent=100, participants=201, members=200)
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        _report(child, percent=60, participants=0, members=0)
    child.refresh_from_db()
    assert (child.status, child.members, child.updates.count()) == (TaskStatus.NEW, None, 0)
    _report(child, percent=60, participants=150, members=200)
    done = _report(child, percent=100)  # the figures already reported complete it
    assert (done.status, done.participants, done.members) == (TaskStatus.DONE, 150, 200)


def test_figures_are_refused_on_a_task_without_a_target(cascade, communes):
    child = cascade.children.get(assignee=communes[0])
    with pytest.raises(ValidationError, match="không theo dõi"):
        _report(child, percent=50, participants=10, members=20)


def test_the_commune_enters_its_figures_on_the_task_page_and_bad_ones_keep_what_was_typed(
    study, world, login, client
):
    child = study.children.get(assignee=world.new_commune)
    login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    page = client.get(reverse("tasks:detail", args=[child.pk])).content.decode()
    assert 'name="participants"' in page and 'name="members"' in page and "chỉ tiêu 90%" in page
    url = reverse("tasks:detail", args=[child.pk])
    refused = client.post(
        url,
        {"percent": "100", "participants": "230", "members": "210", "text": "Đã học 2 buổi", "version": "1"},
    )
    body = refused.content.decode()
    assert refused.status_code == 400 and "không vượt quá tổng số đảng viên" in body
    assert 'value="230"' in body and "Đã học 2 buổi" in body
    sent = client.post(url, {"percent": "100", "participants": "205", "members": "210", "version": "1"})
    assert sent.status_code == 302
    page = client.get(url).content.decode()
    assert "205/210 đảng viên (97,6%)" in page


def test_a_task_without_a_target_asks_no_figures(cascade, world, login, client):
    child = cascade.children.get(assignee=world.new_commune)
    login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    page = client.get(reverse("tasks:detail", args=[child.pk])).content.decode()
    assert 'name="participants"' not in page and "Tham gia" not in page


def test_under_the_target_is_judged_by_the_exact_figures(study, communes):
    child = study.children.get(assignee=communes[0])
    done = _report(child, percent=100, participants=449, members=499)  # 89,98 %: prints 90,0
    assert str(done.attendance) == "90.0" and done.below_target


def test_figures_beyond_any_unit_are_refused_in_the_form_and_the_service(study, world, login, client):
    child = study.children.get(assignee=world.new_commune)
    with pytest.raises(ValidationError, match="1.000.000"):
        _report(child, percent=50, participants=10, members=3_000_000_000)
    login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    refused = client.post(
        reverse("tasks:detail", args=[child.pk]),
        {"percent": "50", "participants": "10", "members": "3000000000", "version": "1"},
    )
    assert refused.status_code == 400 and "Số quá lớn" in refused.content.decode()


def test_the_database_keeps_both_figures_or_neither(study, communes):
    from django.db import IntegrityError, transaction

    child = study.children.get(assignee=communes[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        type(child).objects.filter(pk=child.pk).update(participants=5, members=None)
