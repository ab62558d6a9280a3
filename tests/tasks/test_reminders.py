import io

from django.core import mail
from django.core.management import call_command

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.tasks import services
from tuyengiao.tasks.models import ReminderSent


def _run(day: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--date", day, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_reminders_go_before_and_after_the_deadline_once_per_rule_and_day(cascade, communes, world):
    for i, commune in enumerate(communes):
        user(f"cb{i}", commune, Role.UNIT_OFFICER)
    assert _run("28/08/2026") == "sent 3"  # three days before 31/08: one e-mail per commune
    assert _run("28/08/2026") == "sent 0"  # again the same day: nothing
    assert _run("29/08/2026") == "sent 0"  # no rule that day
    assert all("Còn 3 ngày" in m.subject for m in mail.outbox)
    assert sorted(m.to[0] for m in mail.outbox) == ["cb0@test.vn", "cb1@test.vn", "cb2@test.vn"]
    done = cascade.children.get(assignee=communes[0])
    services.report_progress(actor=None, task=done, expected_version=1, percent=100)
    assert _run("01/09/2026") == "sent 2"  # one day late: only the two still open
    assert "Quá hạn 1 ngày" in mail.outbox[-1].subject
    assert ReminderSent.objects.count() == 5
    assert not ReminderSent.objects.filter(task=cascade).exists()  # the parent is followed, not reminded


def test_a_bad_date_is_one_vietnamese_line(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_:
        from tuyengiao.__main__ import main

        main(["tuyengiao", "send-reminders", "--date", "31/02/2026"])
    assert exit_.value.code == 2 and "tuyengiao:" in capsys.readouterr().err


def test_the_background_job_sends_todays_reminders(world, province_specialist):
    import datetime as dt

    from django.utils import timezone

    from tuyengiao.tasks.reminders import send_reminders_job
    from tuyengiao.tasks.services import Assignee, TaskData

    today = timezone.localdate()
    user("cb.moi", world.new_commune, Role.UNIT_OFFICER)
    services.assign(
        actor=province_specialist,
        assigner=world.an,
        data=TaskData(
            title="Nộp báo cáo chuyên đề",
            given_on=today,
            deadline=today + dt.timedelta(days=3),
            assignees=[Assignee(world.new_commune)],
        ),
    )
    result = send_reminders_job.enqueue()
    assert result.return_value == 1 and mail.outbox[-1].to == ["cb.moi@test.vn"]
    assert send_reminders_job.enqueue().return_value == 0  # once per task, rule and day
