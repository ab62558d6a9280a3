import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.meetings import services
from tuyengiao.meetings.models import Meeting, MeetingFormat, MeetingKind, MeetingStatus
from tuyengiao.meetings.services import MeetingData, PointData

TZ = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def specialist(world):
    return user("cv.tinh", world.an, Role.SPECIALIST)


def _data(**changes) -> MeetingData:
    fields = dict(
        title="Giờ sinh hoạt toàn Đảng bộ tháng 8",
        kind=MeetingKind.SINH_HOAT,
        format=MeetingFormat.ONLINE,
        starts_at=dt.datetime(2026, 8, 2, 7, 30, tzinfo=TZ),
        ends_at=dt.datetime(2026, 8, 2, 9, 30, tzinfo=TZ),
    )
    fields.update(changes)
    return MeetingData(**fields)


def test_connection_points_add_up(world, specialist):
    meeting = services.create_meeting(
        actor=specialist,
        organizer=world.an,
        data=_data(
            points=[
                PointData(unit=world.new_commune, attendance=700, host="Bí thư Đảng ủy xã"),
                PointData(place="Hội trường Tỉnh ủy", attendance=500),
            ]
        ),
    )
    assert services.totals(meeting) == services.Totals(points=2, attendance=1200)
    meeting.attendance = 1250  # the organizer's own count wins when stated
    assert services.totals(meeting).attendance == 1250


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_at": dt.datetime(2026, 8, 2, 7, 0, tzinfo=TZ)}, "kết thúc phải sau"),
        ({"attendance": -5}, "không được là số âm"),
        ({"points": [PointData(place="Nhà văn hóa", attendance=-1)]}, "không được là số âm"),
        ({"points": [PointData(attendance=10)]}, "đơn vị hoặc nhập địa điểm"),
        (
            {"format": MeetingFormat.IN_PERSON, "points": [PointData(place="Hội trường", attendance=5)]},
            "trực tiếp",
        ),
        ({"title": "  "}, "tên hội nghị"),
    ],
)
def test_bad_meetings_are_refused_and_nothing_is_written(world, specialist, changes, message):
    with pytest.raises(ValidationError, match=message):
        services.create_meeting(actor=specialist, organizer=world.an, data=_data(**changes))
    assert Meeting.objects.count() == 0


def test_a_connection_point_outside_the_organizers_subtree_is_refused(world, specialist):
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        services.create_meeting(
            actor=specialist,
            organizer=world.an,
            data=_data(points=[PointData(unit=world.other_commune, attendance=3)]),
        )


def test_only_the_organizers_people_organize(world):
    outsider = user("cv.khac", world.other, Role.SPECIALIST)
    with pytest.raises(ValidationError, match="đơn vị mình"):
        services.create_meeting(actor=outsider, organizer=world.an, data=_data())


def test_the_first_sunday_of_every_month_series_moves_and_cancels_single_occurrences(world, specialist):
    series = services.create_series(
        actor=specialist,
        organizer=world.an,
        title="Giờ sinh hoạt toàn Đảng bộ",
        kind=MeetingKind.SINH_HOAT,
        rrule="FREQ=MONTHLY;BYDAY=1SU",
        first_start=dt.datetime(2026, 1, 4, 7, 30, tzinfo=TZ),
        format=MeetingFormat.ONLINE,
        horizon_until=dt.datetime(2026, 12, 31, 23, 59, tzinfo=TZ),
    )
    dates = [m.starts_at.astimezone(TZ).date() for m in series.meetings.order_by("starts_at")]
    assert [d.day for d in dates] == [4, 1, 1, 5, 3, 7, 5, 2, 6, 4, 1, 6]
    assert all(d.weekday() == 6 for d in dates)
    september = series.meetings.get(occurrence_date=dt.date(2026, 9, 6))
    services.move_meeting(
        actor=specialist,
        meeting=september,
        expected_version=1,
        starts_at=dt.datetime(2026, 9, 13, 7, 30, tzinfo=TZ),
    )
    october = series.meetings.get(occurrence_date=dt.date(2026, 10, 4))
    services.cancel_meeting(actor=specialist, meeting=october)
    assert (
        services.extend_series(series, until=dt.datetime(2027, 2, 28, tzinfo=TZ)) == 2
    )  # Jan, Feb 2027 only
    september.refresh_from_db()
    assert september.starts_at.astimezone(TZ).date() == dt.date(2026, 9, 13)
    assert series.meetings.get(occurrence_date=dt.date(2026, 10, 4)).status == MeetingStatus.CANCELLED


def test_an_unparseable_recurrence_is_refused_with_a_vietnamese_message(world, specialist):
    with pytest.raises(ValidationError) as error:
        services.create_series(
            actor=specialist,
            organizer=world.an,
            title="Họp",
            kind=MeetingKind.GIAO_BAN,
            rrule="FREQ=SOMETIMES",
            first_start=dt.datetime(2026, 1, 4, 7, 30, tzinfo=TZ),
        )
    assert "rrule" in error.value.message_dict
    assert Meeting.objects.count() == 0
