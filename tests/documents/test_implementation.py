import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tuyengiao.documents import implementation
from tuyengiao.documents.models import Reach
from tuyengiao.tasks import services as tasks
from tuyengiao.tasks.models import Task, TaskStatus


def test_presets_lay_out_the_usual_cycle_from_the_documents_date(world, directive):
    made = implementation.add_presets(actor=None, document=directive, unit=world.an)
    assert [a.due_on for a in made] == [
        dt.date(2021, 11, 24),
        dt.date(2021, 12, 24),
        dt.date(2022, 10, 25),
        dt.date(2024, 10, 25),
        dt.date(2026, 10, 25),
    ]
    assert made[1].target_percent == 90 and "Sơ kết 5 năm" in made[-1].title
    assert implementation.add_presets(actor=None, document=directive, unit=world.an) == []


def test_giving_an_action_makes_one_task_per_unit_below_linked_to_the_document(world, directive):
    action = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="review",
        title="Sơ kết 5 năm thực hiện Kết luận 21-KL/TW",
        due_on=dt.date(2026, 10, 25),
        reach=Reach.COMMUNES,
    )
    parent = implementation.give(actor=None, action=action)
    given = list(parent.children.all()) or [parent]  # one unit below: one task, no cascade
    assert {t.assignee for t in given} == {world.new_commune}
    assert parent.source_document == directive and parent.source == "document"
    with pytest.raises(ValidationError):
        implementation.give(actor=None, action=action)


def test_the_matrix_shows_each_units_status_per_action(world, directive):
    plan = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="plan",
        title="Kế hoạch",
        due_on=dt.date(2026, 12, 1),
    )
    study = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="study",
        title="Học tập",
        due_on=dt.date(2026, 12, 1),
    )
    implementation.give(actor=None, action=plan)
    task = Task.objects.get(parent=None, required_action=plan)
    child = task.children.first() or task
    tasks.report_progress(
        actor=None, task=child, expected_version=None, percent=100, text="Đã ban hành kế hoạch"
    )
    plan.refresh_from_db()
    matrix = implementation.matrix([plan, study])
    owing = max(task.children_count, 1)
    assert (matrix.columns[0].done, matrix.columns[0].owing) == (1, owing)
    assert (matrix.columns[1].done, matrix.columns[1].owing) == (0, 0)
    row = dict(matrix.rows)[child.assignee]
    assert row[0].status == TaskStatus.DONE and row[1].task is None and len(matrix.rows) == owing


def test_a_target_must_be_a_percent(world, directive):
    with pytest.raises(ValidationError):
        implementation.add_action(
            actor=None,
            document=directive,
            unit=world.an,
            kind="study",
            title="Học tập",
            due_on=dt.date(2026, 12, 1),
            target_percent=120,
        )


def test_a_review_given_as_a_report_asks_every_unit_below_and_fills_the_matrix(world, directive):
    from tests.reporting.conftest import build_template
    from tuyengiao.reporting.models import SubmissionStatus

    review = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="review",
        title="Sơ kết 5 năm thực hiện Kết luận 21-KL/TW",
        due_on=dt.date(2026, 10, 25),
        reach=Reach.COMMUNES,
    )
    assignment = implementation.give_report(actor=None, action=review, template=build_template(world.an))
    assert (assignment.period_start, assignment.period_end) == (dt.date(2021, 10, 25), dt.date(2026, 10, 24))
    assert assignment.period_label == review.title and assignment.deadline == review.due_on
    submission = assignment.submissions.get()
    assert submission.unit == world.new_commune
    with pytest.raises(ValidationError):
        implementation.give(actor=None, action=review)
    review.refresh_from_db()
    matrix = implementation.matrix([review])
    assert (matrix.columns[0].done, matrix.columns[0].owing) == (0, 1)
    submission.status = SubmissionStatus.ACCEPTED
    submission.save()
    matrix = implementation.matrix([review])
    assert (matrix.columns[0].done, matrix.columns[0].owing) == (1, 1) and matrix.rows[0][1][
        0
    ].status == SubmissionStatus.ACCEPTED


def test_a_study_session_carries_its_target_to_the_units_and_the_matrix_sums_attendance(world, study):
    from tests.factories import REFORM, unit

    unit("Xã Hai Mới", parent=world.an, code="AN.X2", valid_from=REFORM)
    parent = implementation.give(actor=None, action=study)
    first, second = parent.children.order_by("assignee__name_folded")
    assert (first.attendance_target, second.attendance_target) == (90, 90)
    tasks.report_progress(
        actor=None, task=first, expected_version=1, percent=100, participants=45, members=50
    )
    tasks.report_progress(
        actor=None, task=second, expected_version=1, percent=100, participants=95, members=100
    )
    study.refresh_from_db()
    column = implementation.matrix([study]).columns[0]
    assert (column.done, column.owing, column.participants, column.members) == (2, 2, 140, 150)
    assert str(column.attendance) == "93.3" and column.below_target == 0


def test_study_tasks_given_before_attendance_was_counted_take_their_targets(world, study):
    """The data migration documents/0004: open tasks of a study action get its target back."""
    import importlib

    from django.apps import apps

    from tests.factories import REFORM, unit

    unit("Xã Hai Mới", parent=world.an, code="AN.X2", valid_from=REFORM)
    parent = implementation.give(actor=None, action=study)
    first, second = parent.children.order_by("assignee__name_folded")
    tasks.report_progress(actor=None, task=first, expected_version=1, percent=100, participants=9, members=10)
    Task.objects.filter(pk__in=[parent.pk, first.pk, second.pk]).update(attendance_target=None)
    migration = importlib.import_module(
        "tuyengiao.documents.migrations.0004_attendance_of_study_tasks_given_before"
    )
    migration.carry_targets(apps, None)
    targets = dict(
        Task.objects.filter(pk__in=[parent.pk, first.pk, second.pk]).values_list("pk", "attendance_target")
    )
    assert targets == {parent.pk: 90, first.pk: None, second.pk: 90}  # a finished task is left as it was


def test_a_cancelled_unit_leaves_the_attendance_totals(world, study):
    from tests.factories import REFORM, unit

    unit("Xã Hai Mới", parent=world.an, code="AN.X2", valid_from=REFORM)
    parent = implementation.give(actor=None, action=study)
    first, second = parent.children.order_by("assignee__name_folded")
    tasks.report_progress(
        actor=None, task=first, expected_version=1, percent=100, participants=95, members=100
    )
    tasks.report_progress(
        actor=None, task=second, expected_version=1, percent=50, participants=10, members=100
    )
    tasks.cancel(actor=None, task=Task.objects.get(pk=second.pk), reason="Sáp nhập")
    study.refresh_from_db()
    column = implementation.matrix([study]).columns[0]
    assert (column.participants, column.members, column.below_target) == (95, 100, 0)
    parent.refresh_from_db()
    assert (parent.participants, parent.members) == (95, 100)
