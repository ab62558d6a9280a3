import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import user
from tests.reporting.conftest import GOOD
from tuyengiao.accounts.models import Role, User
from tuyengiao.core.services import ConflictError
from tuyengiao.reporting import services
from tuyengiao.reporting.models import SubmissionEvent, SubmissionStatus, Value
from tuyengiao.reporting.periods import month


def officer(world):
    return User.objects.filter(username="canbo").first() or user(
        "canbo", world.new_commune, Role.UNIT_OFFICER
    )


def specialist(world):
    return User.objects.filter(username="chuyenvien").first() or user("chuyenvien", world.an, Role.SPECIALIST)


def test_an_assignment_opens_one_draft_per_commune_with_its_path_as_of_the_period(assignment, world):
    submissions = assignment.submissions.all()
    assert [s.unit.name for s in submissions] == ["Xã Mới"]
    path = set(submissions[0].ancestors.values_list("ancestor__name", flat=True))
    assert path == {"Xã Mới", "Tỉnh An", "Trung ương"}


def test_an_assignment_before_the_reform_reaches_the_old_communes_and_their_district(world, template):
    period = month(2024, 3)
    units = services.reporting_units(world.an, "commune", period)
    assert [u.name for u in units] == ["Xã Hai", "Xã Một"]
    assignment = services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=period,
        units=units,
        deadline=dt.date(2024, 4, 5),
    )
    path = set(assignment.submissions.first().ancestors.values_list("ancestor__name", flat=True))
    assert "Huyện Một" in path and "Tỉnh An" in path


def test_units_outside_the_assigners_scope_are_refused(world, template):
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        services.create_assignment(
            actor=None,
            template=template,
            assigner=world.an,
            period=month(2025, 9),
            units=[world.other_commune],
            deadline=dt.date(2025, 10, 5),
        )


def test_a_draft_keeps_what_was_typed_even_when_it_is_wrong(submission, world):
    saved, result = services.save_draft(
        actor=officer(world),
        submission=submission,
        expected_version=1,
        values={"A01": "hai", "A05": "1.890"},
        narratives={"I": "Ổn định."},
    )
    assert result.field_errors == {"A01": "“hai” không phải là số."}
    values = {v.indicator.code: v for v in saved.values.select_related("indicator")}
    assert values["A01"].raw == "hai" and values["A01"].number is None
    assert values["A05"].number == 1890
    assert saved.narratives.get().text == "Ổn định."
    assert saved.version == 2


def test_a_stale_save_is_a_conflict(submission, world):
    services.save_draft(actor=officer(world), submission=submission, expected_version=1, values={"A01": "1"})
    with pytest.raises(ConflictError):
        services.save_draft(
            actor=officer(world), submission=submission, expected_version=1, values={"A01": "9"}
        )


def test_another_units_officer_cannot_enter_the_report(submission, world):
    stranger = user("khac", world.other_commune, Role.UNIT_OFFICER)
    with pytest.raises(ValidationError, match="không có quyền"):
        services.save_draft(actor=stranger, submission=submission, expected_version=1, values={"A01": "1"})


def test_submit_refuses_broken_rules_and_lists_them(submission, world):
    who = officer(world)
    services.save_draft(actor=who, submission=submission, expected_version=1, values={**GOOD, "A05": "3"})
    result = services.submit(actor=who, submission=submission, expected_version=2)
    assert result.blocking
    assert any("Lượt người nghe" in message for message in result.rule_errors)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_warnings_must_be_confirmed_before_sending(submission, world):
    who = officer(world)
    services.save_draft(
        actor=who, submission=submission, expected_version=1, values={**GOOD, "E01": "2", "E02": "1"}
    )
    result = services.submit(actor=who, submission=submission, expected_version=2)
    assert not result.blocking and [key for key, _ in result.warnings] != []
    keys = [key for key, _ in result.warnings]
    result = services.submit(actor=who, submission=submission, expected_version=2, confirmed_warnings=keys)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_the_full_workflow_is_audited_and_emailed(submission, world, django_capture_on_commit_callbacks):
    who, reviewer = officer(world), specialist(world)
    who.email, reviewer.email = "canbo@xa.vn", "cv@tinh.vn"
    who.save(), reviewer.save()
    services.save_draft(actor=who, submission=submission, expected_version=1, values=GOOD)
    with pytest.raises(ValidationError, match="trạng thái"):
        services.accept(actor=reviewer, submission=submission)
    services.submit(actor=who, submission=submission, expected_version=2)
    with pytest.raises(ValidationError, match="lý do"):
        services.return_submission(actor=reviewer, submission=submission, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.return_submission(actor=reviewer, submission=submission, reason="Thiếu số liệu mục III.")
    submission.refresh_from_db()
    services.save_draft(
        actor=who, submission=submission, expected_version=submission.version, values={"A01": "3"}
    )
    submission.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(actor=who, submission=submission, expected_version=submission.version)
        services.accept(actor=reviewer, submission=submission)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED and submission.is_locked
    with pytest.raises(ValidationError, match="không sửa được"):
        services.save_draft(
            actor=who, submission=submission, expected_version=submission.version, values={"A01": "4"}
        )
    services.reopen(actor=reviewer, submission=submission, reason="Sai số liệu A05.")
    transitions = list(
        SubmissionEvent.objects.filter(submission=submission).values_list("from_status", "to_status")
    )
    assert transitions == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
        ("accepted", "returned"),
    ]
    subjects = [m.subject for m in mail.outbox]
    assert any("bị trả lại" in s for s in subjects) and any("đã được duyệt" in s for s in subjects)
    assert any(m.to == ["cv@tinh.vn"] for m in mail.outbox)


def test_a_commune_cannot_review_itself(submission, world):
    who = officer(world)
    services.save_draft(actor=who, submission=submission, expected_version=1, values=GOOD)
    services.submit(actor=who, submission=submission, expected_version=2)
    peer = user("lanhdao.xa", world.new_commune, Role.LEADER)
    with pytest.raises(ValidationError, match="cấp trên"):
        services.accept(actor=peer, submission=submission)


def test_submitting_twice_stores_one_submission(submission, world):
    who = officer(world)
    services.save_draft(actor=who, submission=submission, expected_version=1, values=GOOD)
    services.submit(actor=who, submission=submission, expected_version=2)
    again = services.submit(actor=who, submission=submission, expected_version=2)
    assert not again.blocking
    assert SubmissionEvent.objects.filter(submission=submission, to_status="submitted").count() == 1


def test_a_late_submission_is_accepted_and_marked_late(submission, world, settings):
    from unittest import mock

    from django.utils import timezone

    who = officer(world)
    services.save_draft(actor=who, submission=submission, expected_version=1, values=GOOD)
    late = timezone.make_aware(dt.datetime(2025, 10, 9, 9, 0))
    with mock.patch("django.utils.timezone.now", return_value=late):
        services.submit(actor=who, submission=submission, expected_version=2)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.is_late


def test_previous_values_come_from_the_same_units_last_report(world, template):
    who = officer(world)
    reviewer = specialist(world)
    for number, value in ((8, "10"), (9, "11")):
        period = month(2025, number)
        assignment = services.create_assignment(
            actor=None,
            template=template,
            assigner=world.an,
            period=period,
            units=[world.new_commune],
            deadline=period.end + dt.timedelta(days=5),
        )
        submission = assignment.submissions.get()
        services.save_draft(
            actor=who, submission=submission, expected_version=1, values={**GOOD, "A03": value}
        )
        services.submit(actor=who, submission=submission, expected_version=2)
    assert services.previous_values(submission)["A03"] == 10
    services.accept(actor=reviewer, submission=submission)


def test_a_rule_must_compare_and_name_known_indicators(world):
    draft = services.create_template(actor=None, owner=world.an, code="NHAP", name="Mẫu nháp")
    services.add_indicator(draft, code="A01", name="Số buổi", value_type="integer")
    with pytest.raises(ValidationError, match="so sánh"):
        services.add_rule(draft, expression="A01 + 1", message="?")
    with pytest.raises(ValidationError, match="Z99"):
        services.add_rule(draft, expression="Z99 > 0", message="?")
    with pytest.raises(ValidationError, match="Quy tắc"):
        services.add_rule(draft, expression="A01 >= (A02", message="?")
    assert services.add_rule(draft, expression="A01 >= 0", message="Không âm").pk


def test_a_template_in_use_is_frozen(template):
    for change in (
        lambda: services.add_indicator(template, code="Z01", name="Mới", value_type="integer"),
        lambda: services.add_section(template, code="IX", title="Phần mới"),
        lambda: services.add_rule(template, expression="A01 >= 0", message="?"),
    ):
        with pytest.raises(ValidationError, match="đang áp dụng"):
            change()
    assert not template.indicators.filter(code="Z01").exists()


def test_a_six_month_report_is_prefilled_from_the_units_monthly_reports(world, template):
    from tests.reporting.conftest import fill
    from tuyengiao.reporting.periods import half

    for number in (7, 8, 9):
        fill(
            template,
            world.an,
            month(2025, number),
            world.new_commune,
            {"A01": number, "A03": 10 + number, "C03": 80},
        )
    assignment = services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=half(2025, 2),
        units=[world.new_commune],
        deadline=dt.date(2026, 1, 10),
    )
    six_months = assignment.submissions.get()
    services.prefill_from_months(actor=officer(world), submission=six_months)
    raws = {v.indicator.code: v.raw for v in six_months.values.select_related("indicator")}
    assert raws["A01"] == "24" and raws["A03"] == "19" and raws["C03"] == "80"


def test_the_upper_units_own_report_is_seeded_from_the_consolidation_below(world, template):
    from tests.reporting.conftest import fill

    fill(
        template,
        world.an,
        month(2025, 9),
        world.new_commune,
        {"A01": 4, "A05": 300},
        narrative="Hội nghị tháng 9.",
    )
    centre_template = template  # the centre asks the province on the same template
    assignment = services.create_assignment(
        actor=None,
        template=centre_template,
        assigner=world.centre,
        period=month(2025, 9),
        units=[world.an],
        deadline=dt.date(2025, 10, 10),
    )
    own = assignment.submissions.get()
    seeded = services.seed_from_below(actor=None, submission=own)
    raws = {v.indicator.code: v.raw for v in seeded.values.select_related("indicator")}
    assert raws["A01"] == "4" and raws["A05"] == "300"
    assert (
        "1/1 đơn vị đã nộp" in seeded.annex
        and "Xã Mới" in seeded.annex
        and "Hội nghị tháng 9." in seeded.annex
    )


def test_a_monthly_schedule_assigns_each_month_once_due_the_5th_of_the_next(world, template, capsys):
    from tests.orgs.test_commands import run

    schedule = services.create_schedule(
        actor=None,
        template=template,
        assigner=world.an,
        period_kind="M",
        deadline_day=5,
        target_kind="commune",
    )
    created = services.run_schedules(dt.date(2025, 12, 3))
    assert [(a.period_key, a.deadline) for a in created] == [("2025-M12", dt.date(2026, 1, 5))]
    assert created[0].schedule == schedule and created[0].submissions.count() == 1
    assert services.run_schedules(dt.date(2025, 12, 20)) == []  # once per period
    code, out, _err = run(capsys, "generate-assignments", "--date", "2026-01-02")
    assert code == 0 and out.strip().endswith("created 1")
    code, out, _err = run(capsys, "generate-assignments", "--date", "2026-01-03")
    assert out.strip().endswith("created 0")


def test_a_schedule_needs_a_calendar_period_and_a_real_day(world, template):
    with pytest.raises(ValidationError, match="tháng, quý"):
        services.create_schedule(
            actor=None,
            template=template,
            assigner=world.an,
            period_kind="C",
            deadline_day=5,
            target_kind="commune",
        )
    with pytest.raises(ValidationError, match="từ 1 đến 31"):
        services.create_schedule(
            actor=None,
            template=template,
            assigner=world.an,
            period_kind="M",
            deadline_day=40,
            target_kind="commune",
        )


def test_what_is_due_puts_returned_reports_first_then_drafts_by_deadline(world, template):
    from tests.reporting.conftest import fill

    fill(template, world.an, month(2025, 7), world.new_commune, {"A01": 1}, status=SubmissionStatus.SUBMITTED)
    fill(template, world.an, month(2025, 8), world.new_commune, {"A01": 1}, status=SubmissionStatus.RETURNED)
    for number in (10, 9):
        services.create_assignment(
            actor=None,
            template=template,
            assigner=world.an,
            period=month(2025, number),
            units=[world.new_commune],
            deadline=month(2025, number).end + dt.timedelta(days=5),
        )
    order = [(s.assignment.period_key, s.status) for s in services.due_for(world.new_commune)]
    assert order == [
        ("2025-M08", "returned"),
        ("2025-M09", "draft"),
        ("2025-M10", "draft"),
        ("2025-M07", "submitted"),
    ]


@pytest.mark.django_db(transaction=True)  # the worker reads what was committed, as in production
def test_with_the_database_queue_the_email_waits_for_the_worker_and_goes_once(
    submission, world, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    who, reviewer = officer(world), specialist(world)
    reviewer.email = "cv@tinh.vn"
    reviewer.save()
    services.save_draft(actor=who, submission=submission, expected_version=1, values=GOOD)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(actor=who, submission=submission, expected_version=2)
    assert DBTaskResult.objects.count() == 1 and mail.outbox == []  # queued with the change, not sent
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [m.to for m in mail.outbox] == [["cv@tinh.vn"]]
    assert "đã gửi" in mail.outbox[0].subject


def test_deleting_an_indicator_still_deletes_its_values(submission, world, template):
    """Values point at indicators without a database-level key (see Value.indicator): Django cascades."""
    services.save_draft(actor=officer(world), submission=submission, expected_version=1, values=GOOD)
    indicator = template.indicators.get(code="A01")
    assert Value.objects.filter(indicator=indicator).count() == 1
    indicator.delete()
    assert not Value.objects.filter(indicator_id=indicator.pk).exists()
    assert Value.objects.filter(submission=submission).count() == len(GOOD) - 1


def test_a_sent_reports_narrative_links_the_documents_it_cites(submission, world):
    from tuyengiao.documents.models import Citation

    who = officer(world)
    submission, result = services.send_report(
        actor=who,
        submission=submission,
        expected_version=1,
        values=GOOD,
        narratives={"I": "Xã quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương."},
    )
    assert not result.blocking and submission.status == SubmissionStatus.SUBMITTED
    citation = Citation.objects.get(submission=submission)
    assert citation.document.number == "21-KL/TW" and not citation.document.registered
