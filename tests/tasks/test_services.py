import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import user
from tests.tasks.conftest import GIVEN
from tuyengiao.accounts.models import Role
from tuyengiao.meetings import services as meeting_services
from tuyengiao.tasks import services
from tuyengiao.tasks.models import AssigneeRole, Task, TaskStatus
from tuyengiao.tasks.services import Assignee, ItemTasks, TaskData


def _child(cascade, unit):
    return cascade.children.get(assignee=unit)


def test_giving_a_task_to_several_communes_makes_one_child_task_each(cascade, communes, world):
    assert cascade.assignee == world.an and cascade.is_cascade
    assert sorted(c.assignee.name for c in cascade.children.all()) == sorted(c.name for c in communes)
    assert set(cascade.children.values_list("deadline", flat=True)) == {dt.date(2026, 8, 31)}


def test_one_commune_gets_one_task_without_a_parent(world, province_specialist):
    task = services.assign(
        actor=province_specialist,
        assigner=world.an,
        data=TaskData(
            title="Báo cáo chuyên đề", given_on=GIVEN, deadline=GIVEN, assignees=[Assignee(world.new_commune)]
        ),
    )
    assert task.parent is None and not task.is_cascade and task.assignee == world.new_commune


def test_the_parents_progress_is_the_mean_of_its_children_and_it_is_done_when_all_are(
    cascade, communes, world
):
    officers = [user(f"cb{i}", c, Role.UNIT_OFFICER) for i, c in enumerate(communes)]
    first, second, third = (_child(cascade, c) for c in communes)
    services.report_progress(
        actor=officers[0], task=first, expected_version=1, percent=50, text="Đã học 1 buổi"
    )
    cascade.refresh_from_db()
    assert (cascade.progress, cascade.status) == (17, TaskStatus.IN_PROGRESS)  # (50 + 0 + 0) / 3
    services.report_progress(actor=officers[1], task=second, expected_version=1, percent=100)
    services.cancel(actor=None, task=third, reason="Xã không tổ chức được")
    cascade.refresh_from_db()
    assert (cascade.progress, cascade.status) == (75, TaskStatus.IN_PROGRESS)  # cancelled left out
    services.report_progress(actor=officers[0], task=first, expected_version=2, percent=0, done=True)
    cascade.refresh_from_db()
    assert (cascade.progress, cascade.status) == (100, TaskStatus.DONE)
    assert cascade.completed_on is not None
    assert "trung bình" in services.PARENT_RULE and "mọi đơn vị" in services.PARENT_RULE


def test_a_parent_cannot_be_reported_on_by_hand(cascade, province_specialist):
    with pytest.raises(ValidationError, match="trung bình"):
        services.report_progress(actor=None, task=cascade, expected_version=None, percent=40)


@pytest.mark.parametrize(
    ("deadline", "units", "message"),
    [
        (GIVEN - dt.timedelta(days=1), "mine", "không được trước ngày giao"),
        (GIVEN, "none", "ít nhất một đơn vị"),
        (GIVEN, "foreign", "không thuộc phạm vi"),
        (GIVEN, "self", "không thuộc phạm vi"),
    ],
)
def test_bad_tasks_are_refused_and_nothing_is_written(world, province_specialist, deadline, units, message):
    chosen = {
        "mine": [world.new_commune],
        "none": [],
        "foreign": [world.other_commune],
        "self": [world.an],
    }[units]
    with pytest.raises(ValidationError, match=message):
        services.assign(
            actor=province_specialist,
            assigner=world.an,
            data=TaskData(
                title="Việc", given_on=GIVEN, deadline=deadline, assignees=[Assignee(u) for u in chosen]
            ),
        )
    assert Task.objects.count() == 0


def test_only_the_assignee_reports_and_only_leaders_or_specialists_assign(cascade, world, commune_officer):
    foreign = user("cb.khac", world.other_commune, Role.UNIT_OFFICER)
    child = _child(cascade, world.new_commune)
    with pytest.raises(ValidationError, match="Chỉ đơn vị thực hiện"):
        services.report_progress(actor=foreign, task=child, expected_version=1, percent=10)
    with pytest.raises(ValidationError, match="nhân danh đơn vị mình"):
        services.assign(
            actor=commune_officer,
            assigner=world.new_commune,
            data=TaskData(title="Việc", given_on=GIVEN, deadline=GIVEN, assignees=[Assignee(world.cell)]),
        )
    assert (
        services.report_progress(actor=commune_officer, task=child, expected_version=1, percent=10).progress
        == 10
    )


def test_a_stale_progress_report_is_a_conflict(cascade, world, commune_officer):
    from tuyengiao.core.services import ConflictError

    child = _child(cascade, world.new_commune)
    services.report_progress(actor=commune_officer, task=child, expected_version=1, percent=10)
    with pytest.raises(ConflictError):
        services.report_progress(actor=commune_officer, task=child, expected_version=1, percent=20)
    child.refresh_from_db()
    assert child.progress == 10


def test_overdue_is_derived_from_the_deadline(cascade, world):
    child = _child(cascade, world.new_commune)
    assert not child.is_overdue(dt.date(2026, 8, 31)) and child.is_overdue(dt.date(2026, 9, 1))
    assert Task.objects.overdue(dt.date(2026, 9, 1)).for_work().count() == 3


def test_conclusions_become_tasks_in_one_step(review_meeting, world, communes, province_specialist):
    notice = meeting_services.save_conclusion(
        actor=province_specialist,
        meeting=review_meeting,
        number="15-TB/BTGDVTU",
        issued_on=dt.date(2026, 7, 10),
        items=["Một là, tổ chức học tập Kết luận 21-KL/TW.", "Hai là, củng cố đội ngũ báo cáo viên."],
    )
    first, second = notice.items.all()
    made = services.from_conclusions(
        actor=province_specialist,
        notice=notice,
        items=[
            ItemTasks(first, lead=communes[:2], support=[communes[2]], deadline=dt.date(2026, 9, 30)),
            ItemTasks(second, lead=[], deadline=None),  # not given this time
        ],
    )
    assert len(made) == 1 and made[0].source_meeting == review_meeting
    assert made[0].source_reference == "Thông báo kết luận số 15-TB/BTGDVTU"
    roles = dict(made[0].children.values_list("assignee__name", "role"))
    assert roles[communes[2].name] == AssigneeRole.SUPPORT and roles[communes[0].name] == AssigneeRole.LEAD
    with pytest.raises(ValidationError, match="đã được giao"):
        services.from_conclusions(
            actor=province_specialist,
            notice=notice,
            items=[ItemTasks(first, lead=[communes[0]], deadline=dt.date(2026, 9, 30))],
        )


def test_a_meeting_whose_conclusions_made_tasks_is_not_deleted_silently(
    review_meeting, communes, province_specialist
):
    notice = meeting_services.save_conclusion(
        actor=province_specialist, meeting=review_meeting, items=["Một là, làm A."]
    )
    services.from_conclusions(
        actor=province_specialist,
        notice=notice,
        items=[ItemTasks(notice.items.get(), lead=communes, deadline=dt.date(2026, 9, 30))],
    )
    with pytest.raises(ValidationError, match="giữ lại hay hủy"):
        meeting_services.delete_meeting(actor=province_specialist, meeting=review_meeting)
    assert Task.objects.filter(source_meeting=review_meeting).count() == 4
    meeting_services.delete_meeting(actor=province_specialist, meeting=review_meeting, tasks="cancel")
    assert set(Task.objects.values_list("status", flat=True)) == {TaskStatus.CANCELLED}
