import datetime as dt

import pytest

from tests.factories import unit, user
from tuyengiao.accounts.models import Role
from tuyengiao.meetings import services as meeting_services
from tuyengiao.meetings.models import MeetingKind
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks import services
from tuyengiao.tasks.services import Assignee, TaskData

GIVEN = dt.date(2026, 7, 10)


@pytest.fixture
def communes(world) -> list[OrgUnit]:
    """Tỉnh An's communes today: Xã Mới and two more."""
    return [
        world.new_commune,
        unit("Xã Ba", parent=world.an, code="AN.X3"),
        unit("Xã Tư", parent=world.an, code="AN.X4"),
    ]


@pytest.fixture
def province_specialist(world):
    return user("cv.tinh", world.an, Role.SPECIALIST)


@pytest.fixture
def commune_officer(world):
    return user("cb.xamoi", world.new_commune, Role.UNIT_OFFICER)


@pytest.fixture
def cascade(world, communes, province_specialist):
    """“Tổ chức học tập Kết luận 21-KL/TW” given to the three communes, due 31/08/2026."""
    return services.assign(
        actor=province_specialist,
        assigner=world.an,
        data=TaskData(
            title="Tổ chức học tập Kết luận 21-KL/TW",
            given_on=GIVEN,
            deadline=dt.date(2026, 8, 31),
            source_reference="Kết luận số 21-KL/TW",
            assignees=[Assignee(c) for c in communes],
        ),
    )


@pytest.fixture
def review_meeting(world, province_specialist):
    tz = dt.timezone(dt.timedelta(hours=7))
    return meeting_services.create_meeting(
        actor=province_specialist,
        organizer=world.an,
        data=meeting_services.MeetingData(
            title="Hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm 2026",
            kind=MeetingKind.SO_KET,
            starts_at=dt.datetime(2026, 7, 8, 8, 0, tzinfo=tz),
            ends_at=dt.datetime(2026, 7, 8, 11, 30, tzinfo=tz),
            period_key="2026-H1",
            period_label="6 tháng đầu năm 2026",
            chair="Đồng chí Trưởng ban",
        ),
    )
