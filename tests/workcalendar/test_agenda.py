import datetime as dt
import io

from django.core.management import call_command
from icalendar import Calendar

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.meetings import services as meeting_services
from tuyengiao.meetings.models import MeetingFormat, MeetingKind
from tuyengiao.meetings.services import MeetingData, PointData
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.services import Assignee, TaskData
from tuyengiao.workcalendar import agenda

TZ = dt.timezone(dt.timedelta(hours=7))


def _setting(world):
    specialist = user("cv.tinh", world.an, Role.SPECIALIST)
    series = meeting_services.create_series(
        actor=specialist,
        organizer=world.an,
        title="Giờ sinh hoạt toàn Đảng bộ",
        kind=MeetingKind.SINH_HOAT,
        rrule="FREQ=MONTHLY;BYDAY=1SU",
        first_start=dt.datetime(2026, 1, 4, 7, 30, tzinfo=TZ),
        format=MeetingFormat.ONLINE,
        horizon_until=dt.datetime(2026, 12, 31, tzinfo=TZ),
    )
    march = series.meetings.get(occurrence_date=dt.date(2026, 3, 1))
    meeting_services.cancel_meeting(actor=specialist, meeting=march)
    meeting_services.create_meeting(
        actor=specialist,
        organizer=world.an,
        data=MeetingData(
            title="Hội nghị báo cáo viên tháng 2",
            kind=MeetingKind.BAO_CAO_VIEN,
            format=MeetingFormat.HYBRID,
            starts_at=dt.datetime(2026, 2, 10, 14, 0, tzinfo=TZ),
            ends_at=dt.datetime(2026, 2, 10, 16, 30, tzinfo=TZ),
            place="Hội trường Tỉnh ủy",
            points=[PointData(unit=world.new_commune, attendance=40)],
        ),
    )
    task_services.assign(
        actor=specialist,
        assigner=world.an,
        data=TaskData(
            title="Nộp kế hoạch tuyên truyền",
            given_on=dt.date(2026, 1, 5),
            deadline=dt.date(2026, 2, 20),
            assignees=[Assignee(world.new_commune)],
        ),
    )


def test_the_ics_feed_holds_the_series_occurrences_the_joined_meeting_and_the_deadlines(world, tmp_path):
    _setting(world)
    path = tmp_path / "lich.ics"
    call_command(
        "calendar",
        "--unit",
        world.an.code,
        "--from",
        "01/01/2026",
        "--to",
        "31/03/2026",
        "--ics",
        "-o",
        str(path),
        stdout=io.StringIO(),
    )
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    sessions = sorted(
        e.decoded("dtstart").astimezone(TZ).date() for e in events if "sinh hoạt" in str(e["summary"])
    )
    assert sessions == [dt.date(2026, 1, 4), dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
    cancelled = [e for e in events if str(e["status"]) == "CANCELLED"]
    assert [e.decoded("dtstart").astimezone(TZ).date() for e in cancelled] == [dt.date(2026, 3, 1)]
    assert any(str(e["summary"]) == "Hội nghị báo cáo viên tháng 2" for e in events)
    commune_rows = agenda.entries(world.new_commune, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert [r.title for r in commune_rows] == [
        "Hội nghị báo cáo viên tháng 2",
        "Hạn: Nộp kế hoạch tuyên truyền",
    ]
    assert commune_rows[1].start == dt.date(2026, 2, 20)
