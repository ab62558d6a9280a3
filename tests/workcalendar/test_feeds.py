import datetime as dt

from django.urls import reverse
from icalendar import Calendar

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.services import Assignee, TaskData
from tuyengiao.workcalendar import feeds


def test_a_calendar_app_subscribes_without_logging_in_until_the_password_changes(world, client, login):
    officer = user("cb.moi", world.new_commune, Role.UNIT_OFFICER)
    from django.utils import timezone

    today = timezone.localdate()
    task_services.assign(
        actor=None,
        assigner=world.an,
        data=TaskData(
            title="Nộp kế hoạch",
            given_on=today,
            deadline=today + dt.timedelta(days=10),
            assignees=[Assignee(world.new_commune)],
        ),
    )
    url = reverse("workcalendar:feed", args=[feeds.token_for(officer)])
    response = client.get(url)  # no session: a calendar app
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    titles = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert titles == ["Hạn: Nộp kế hoạch"]
    page = login(officer).get(reverse("workcalendar:index")).content.decode()
    assert url in page
    client.logout()
    assert client.get(url.replace(".ics", "x.ics")).status_code == 404  # forged
    officer.set_password("MatKhauMoi@2026")
    officer.save()
    assert client.get(url).status_code == 404  # revoked by the new password
