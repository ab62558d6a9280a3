import datetime as dt
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.meetings import services as meeting_services
from tuyengiao.meetings.models import MeetingFormat, MeetingKind
from tuyengiao.meetings.services import MeetingData, PointData
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.services import Assignee, TaskData
from tuyengiao.workcalendar import views
from tuyengiao.workcalendar.models import CalendarChoice, CommemorativeDay

TZ = dt.timezone(dt.timedelta(hours=7))
OWN_MEETING = "Hội nghị học tập Nghị quyết của Xã Mới"
JOINED_MEETING = "Hội nghị trực tuyến của Tỉnh An"
DEADLINE = "Nộp kế hoạch tuyên truyền tháng 6"
FOREIGN_MEETING = "Hội nghị của Tỉnh Khác"
FOREIGN_TASK = "Nhiệm vụ của Xã Khác"


def meeting(organizer, title, day, hour=8, points=(), fmt=MeetingFormat.IN_PERSON, place=""):
    return meeting_services.create_meeting(
        actor=None,
        organizer=organizer,
        data=MeetingData(
            title=title,
            kind=MeetingKind.CHUYEN_DE,
            format=fmt,
            starts_at=dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ),
            ends_at=dt.datetime(day.year, day.month, day.day, hour + 3, 30, tzinfo=TZ),
            place=place,
            points=[PointData(unit=u, attendance=10) for u in points],
        ),
    )


def task(assigner, assignee, title, deadline):
    return task_services.assign(
        actor=None,
        assigner=assigner,
        data=TaskData(
            title=title, given_on=dt.date(2026, 4, 1), deadline=deadline, assignees=[Assignee(assignee)]
        ),
    )


@pytest.fixture
def may(world):
    """May 2026 for Xã Mới: its own meeting, a province meeting it joins, a deadline; Tỉnh Khác's too."""
    return {
        "own": meeting(world.new_commune, OWN_MEETING, dt.date(2026, 5, 12), place="Hội trường Đảng ủy xã"),
        "joined": meeting(
            world.an,
            JOINED_MEETING,
            dt.date(2026, 5, 19),
            hour=14,
            points=[world.new_commune],
            fmt=MeetingFormat.ONLINE,
        ),
        "task": task(world.an, world.new_commune, DEADLINE, dt.date(2026, 5, 25)),
        "foreign": meeting(world.other, FOREIGN_MEETING, dt.date(2026, 5, 12)),
        "foreign_task": task(world.other, world.other_commune, FOREIGN_TASK, dt.date(2026, 5, 25)),
    }


@pytest.fixture
def officer(world):
    return user("cb.xamoi", world.new_commune, Role.UNIT_OFFICER)


def cell(html: str, day: str) -> str:
    """The HTML of one day of the month grid or of the week list, found by its data-date."""
    match = re.search(rf'data-date="{day}"(.*?)(?=data-date="|$)', html, re.S)
    assert match, day
    return match.group(1)


def test_the_month_grid_shows_meetings_deadlines_anniversaries_and_lunar_dates(world, may, officer, login):
    response = login(officer).get(reverse("workcalendar:month", args=[2026, 5]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lịch công tác tháng 5/2026" in html and "Xã Mới" in html

    twelfth = cell(html, "2026-05-12")
    assert OWN_MEETING in twelfth and "08:00" in twelfth
    assert f'href="/hoi-nghi/{may["own"].pk}/"' in twelfth
    nineteenth = cell(html, "2026-05-19")
    assert JOINED_MEETING in nineteenth and "14:00" in nineteenth
    assert DEADLINE in cell(html, "2026-05-25")
    assert f'href="/nhiem-vu/{may["task"].pk}/"' in html

    first = cell(html, "2026-05-01")
    assert "140 năm Ngày Quốc tế Lao động" in first and "năm tròn" in first
    # 19/5/1890: the 136th birthday is no round one
    nineteenth_text = re.sub(r"<[^>]+>", "", nineteenth)
    assert "136 năm Ngày sinh Chủ tịch Hồ Chí Minh" in nineteenth_text and "năm tròn" not in nineteenth_text
    # lunar dates: 01/5/2026 is 15/3 (the month named on the 1st), 17/5/2026 is 1/4
    assert "15/3 · tháng 3 âm lịch" in first
    assert "1/4 · tháng 4 âm lịch" in cell(html, "2026-05-17")
    assert "16/3" in cell(html, "2026-05-02") and "âm lịch" not in cell(html, "2026-05-02")
    # a Monday-first grid: 27/04 (a Monday) opens it, 31/05 (a Sunday) closes it
    dates = re.findall(r'data-date="([\d-]+)"', html)
    assert dates[0] == "2026-04-27" and dates[-1] == "2026-05-31" and len(dates) == 35
    # the full heading in the month's list of anniversaries
    assert "140 năm Ngày Quốc tế Lao động (01/5/1886 – 01/5/2026)" in html

    assert FOREIGN_MEETING not in html and FOREIGN_TASK not in html


def test_previous_and_next_months_and_the_weeks_are_linked(world, officer, login):
    html = login(officer).get(reverse("workcalendar:month", args=[2026, 1])).content.decode()
    assert 'href="/lich/2025/12/"' in html and 'href="/lich/2026/2/"' in html
    assert 'href="/lich/tuan/2026/1/"' in html  # the first row: 29/12/2025–04/01/2026, ISO week 2026-W01


def test_the_index_is_the_current_month(world, officer, login, monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 5, 20))
    html = login(officer).get(reverse("workcalendar:index")).content.decode()
    assert "Lịch công tác tháng 5/2026" in html
    assert "Hôm nay" in cell(html, "2026-05-20")


def test_a_local_anniversary_added_by_the_admin_is_on_the_calendar(world, officer, login):
    CommemorativeDay.objects.create(
        code="giai-phong-tinh-an",
        name="Ngày Giải phóng Tỉnh An",
        calendar=CalendarChoice.SOLAR,
        month=5,
        day=3,
        origin_year=1976,
    )
    html = login(officer).get(reverse("workcalendar:month", args=[2026, 5])).content.decode()
    assert "50 năm Ngày Giải phóng Tỉnh An" in cell(html, "2026-05-03")


def test_lunar_anniversaries_are_dated_by_the_lunar_calendar(world, officer, login):
    # Giỗ Tổ Hùng Vương, 10/3 âm lịch: 26/04/2026
    html = login(officer).get(reverse("workcalendar:month", args=[2026, 4])).content.decode()
    assert "Giỗ Tổ Hùng Vương" in cell(html, "2026-04-26")


def test_a_commune_officer_cannot_open_another_units_calendar(world, may, officer, login):
    client = login(officer)
    for url in (
        reverse("workcalendar:month", args=[2026, 5]),
        reverse("workcalendar:week", args=[2026, 20]),
        reverse("workcalendar:ics"),
    ):
        for unit in (world.other_commune, world.an):
            response = client.get(f"{url}?unit={unit.pk}")
            assert response.status_code == 404, url
            assert FOREIGN_MEETING.encode() not in response.content
        assert client.get(f"{url}?unit=abc").status_code == 404
        assert client.get(f"{url}?unit={'9' * 30}").status_code == 404
        assert client.get(f"{url}?unit={world.new_commune.pk}").status_code == 200
    html = client.get(reverse("workcalendar:month", args=[2026, 5])).content.decode()
    assert 'name="unit"' not in html  # no unit to pick


def test_a_province_leader_sees_the_provinces_calendar_only(world, may, users, login):
    client = login(users["leader"])
    html = client.get(reverse("workcalendar:month", args=[2026, 5])).content.decode()
    assert JOINED_MEETING in html and "Tỉnh An" in html
    assert OWN_MEETING not in html  # the commune's own meeting is on the commune's calendar
    assert (
        client.get(reverse("workcalendar:month", args=[2026, 5]) + f"?unit={world.other.pk}").status_code
        == 404
    )


def test_a_system_admin_picks_any_unit(world, may, users, login):
    client = login(users["admin"])
    url = reverse("workcalendar:month", args=[2026, 5])
    html = client.get(f"{url}?unit={world.other.pk}").content.decode()
    assert FOREIGN_MEETING in html and OWN_MEETING not in html
    assert f'<option value="{world.other.pk}" selected>' in html
    assert f'href="/lich/2026/6/?unit={world.other.pk}"' in html  # the pick is kept
    assert client.get(f"{url}?unit=999999").status_code == 404
    # without a pick: the admin's own unit (the centre), which has nothing in May
    html = client.get(url).content.decode()
    assert FOREIGN_MEETING not in html and "Trung ương" in html


def test_a_user_without_a_unit_sees_the_anniversaries_only(world, may, login):
    lonely = user("khongdonvi", None, Role.VIEWER)
    client = login(lonely)
    response = client.get(reverse("workcalendar:month", args=[2026, 5]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "chưa gắn với đơn vị" in html and "Ngày Quốc tế Lao động" in html
    assert FOREIGN_MEETING not in html and OWN_MEETING not in html
    assert client.get(reverse("workcalendar:ics")).status_code == 404


def test_the_week_lists_each_day(world, may, officer, login):
    response = login(officer).get(reverse("workcalendar:week", args=[2026, 20]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "11/05/2026 – 17/05/2026" in html
    dates = re.findall(r'data-date="([\d-]+)"', html)
    assert dates == [f"2026-05-{d}" for d in range(11, 18)]
    twelfth = cell(html, "2026-05-12")
    assert "Thứ Ba, 12/05/2026" in twelfth
    assert OWN_MEETING in twelfth and "08:00–11:30" in twelfth and "Hội trường Đảng ủy xã" in twelfth
    assert "1/4 · tháng 4 âm lịch" in cell(html, "2026-05-17")
    assert "25/3 · tháng 3 âm lịch" in cell(html, "2026-05-11")  # the week's first day names the month
    assert "26/3" in twelfth and "tháng 3 âm lịch" not in twelfth
    assert "Không có lịch." in cell(html, "2026-05-13")
    assert 'href="/lich/tuan/2026/19/"' in html and 'href="/lich/tuan/2026/21/"' in html
    assert 'href="/lich/2026/5/"' in html
    assert FOREIGN_MEETING not in html


def test_weeks_across_years_follow_the_iso_calendar(world, officer, login):
    client = login(officer)
    html = client.get(reverse("workcalendar:week", args=[2026, 53])).content.decode()
    assert "28/12/2026 – 03/01/2027" in html  # 2026 has 53 ISO weeks
    assert 'href="/lich/tuan/2027/1/"' in html
    assert client.get(reverse("workcalendar:week", args=[2027, 53])).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/lich/2026/13/",
        "/lich/2026/0/",
        "/lich/1899/12/",
        "/lich/2101/1/",
        "/lich/99999999999999999999/5/",
        "/lich/2026/99999999999999999999/",
        "/lich/tuan/2026/0/",
        "/lich/tuan/2026/54/",
        "/lich/tuan/1800/1/",
        "/lich/tuan/99999999999999999999/1/",
    ],
)
def test_impossible_months_and_weeks_are_not_found(world, officer, login, url):
    assert login(officer).get(url).status_code == 404


@pytest.mark.parametrize(
    "url", ["/lich/1900/1/", "/lich/2100/12/", "/lich/tuan/1900/1/", "/lich/tuan/2100/52/"]
)
def test_the_ends_of_the_lunar_range_render(world, officer, login, url):
    response = login(officer).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if url == "/lich/1900/1/":
        assert "/lich/1899/" not in html
    if url == "/lich/2100/12/":
        assert "/lich/2101/" not in html


def test_upcoming_anniversaries_put_the_round_ones_first(world, officer, login, monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 3, 1))
    html = login(officer).get(reverse("workcalendar:month", args=[2026, 3])).content.decode()
    assert "Ngày kỷ niệm sắp tới" in html and "01/03/2026 đến 31/08/2026" in html
    round_part = html[html.index('id="upcoming-round"') : html.index('id="upcoming-other"')]
    other_part = html[html.index('id="upcoming-other"') :]
    assert "140 năm Ngày Quốc tế Lao động" in round_part and "còn 61 ngày" in round_part
    assert "80 năm Ngày Thể thao Việt Nam" in round_part  # 27/3/1946: năm tròn
    assert "95 năm Ngày thành lập Đoàn" in round_part  # 26/3/1931: năm lẻ 5
    assert "72 năm Ngày Chiến thắng Điện Biên Phủ" in other_part
    assert "Ngày Quốc tế Lao động" not in other_part
    assert "Ngày Quốc khánh" not in html[html.index('id="upcoming-title"') :]  # 02/9: beyond six months
    # in date order within each part
    assert round_part.index("Ngày Thể thao Việt Nam") < round_part.index("Ngày Quốc tế Lao động")


def ics_calendar(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    return Calendar.from_ical(response.content)


def test_the_ics_download_parses_back(world, may, officer, login):
    response = login(officer).get(reverse("workcalendar:ics") + "?from=01/05/2026&to=31/05/2026")
    calendar = ics_calendar(response)
    assert 'filename="lich-cong-tac-an-x1.ics"' in response["Content-Disposition"]
    summaries = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(summaries) == {OWN_MEETING, JOINED_MEETING, f"Hạn: {DEADLINE}"}
    own = summaries[OWN_MEETING]
    assert own.decoded("dtstart") == dt.datetime(2026, 5, 12, 8, 0, tzinfo=TZ)
    assert str(own["url"]) == f"http://testserver/hoi-nghi/{may['own'].pk}/"
    assert summaries[f"Hạn: {DEADLINE}"].decoded("dtstart") == dt.date(2026, 5, 25)
    assert "Xã Mới" in str(calendar["x-wr-calname"])


def test_the_ics_download_defaults_to_three_months_back_and_twelve_ahead(
    world, may, officer, login, monkeypatch
):
    client = login(officer)
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 8, 12))  # 12/05/2026 is 3 months back
    summaries = {
        str(e["summary"]) for e in ics_calendar(client.get(reverse("workcalendar:ics"))).walk("VEVENT")
    }
    assert summaries == {OWN_MEETING, JOINED_MEETING, f"Hạn: {DEADLINE}"}
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 8, 13))  # 13/05 on: the 12th is left out
    summaries = {
        str(e["summary"]) for e in ics_calendar(client.get(reverse("workcalendar:ics"))).walk("VEVENT")
    }
    assert summaries == {JOINED_MEETING, f"Hạn: {DEADLINE}"}
    monkeypatch.setattr(views, "_today", lambda: dt.date(2025, 5, 25))  # 25/05/2026 is 12 months ahead
    summaries = {
        str(e["summary"]) for e in ics_calendar(client.get(reverse("workcalendar:ics"))).walk("VEVENT")
    }
    assert summaries == {OWN_MEETING, JOINED_MEETING, f"Hạn: {DEADLINE}"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=32/13/2026", "Từ ngày “32/13/2026” không hợp lệ"),
        ("from=hom-qua", "Từ ngày “hom-qua” không hợp lệ"),
        ("to=31/02/2026", "Đến ngày “31/02/2026” không hợp lệ"),
        ("from=01/06/2026&to=01/05/2026", "Ngày kết thúc phải sau ngày bắt đầu."),
        ("from=01/01/2000&to=01/01/2020", "tối đa 10 năm"),
        ("from=01/01/1800&to=01/01/1801", "từ năm 1900 đến năm 2100"),
        ("from=30/12/9999&to=31/12/9999", "từ năm 1900 đến năm 2100"),
    ],
)
def test_bad_ics_dates_are_refused_in_vietnamese(world, officer, login, query, message):
    response = login(officer).get(reverse("workcalendar:ics") + "?" + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_anonymous_users_are_sent_to_the_login_page(world, client):
    for url in ("/lich/", "/lich/2026/5/", "/lich/tuan/2026/20/", "/lich/lich.ics"):
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url


def test_pages_answer_get_only(world, officer, login):
    client = login(officer)
    for url in ("/lich/", "/lich/2026/5/", "/lich/tuan/2026/20/", "/lich/lich.ics"):
        assert client.post(url).status_code == 405, url


def test_the_month_page_fits_a_phone(world, may, officer, login):
    """No fixed widths: the grid is one column below the lg breakpoint, padding days hidden there."""
    html = login(officer).get(reverse("workcalendar:month", args=[2026, 5])).content.decode()
    days = re.findall(r'<div data-date="[\d-]+" class="([^"]+)"', html)
    assert len(days) == 35 and all("col-12 col-lg" in classes for classes in days)
    padding = re.findall(r'<div data-date="2026-04-\d+" class="([^"]+)"', html)
    assert padding and all("d-none d-lg-block" in classes for classes in padding)
    assert "style=" not in html and "<script>" not in html


@pytest.mark.parametrize("role", ["officer", "admin"])
def test_query_counts_do_not_grow_with_the_calendar(
    world, officer, users, login, role, django_assert_max_num_queries
):
    account = officer if role == "officer" else users["admin"]
    client = login(account)
    query = f"?unit={world.new_commune.pk}" if role == "admin" else ""
    for day in range(1, 29):
        meeting(
            world.new_commune,
            f"Giao ban ngày {day}",
            dt.date(2026, 5, day),
            points=[world.cell],
            fmt="online",
        )
        task(world.an, world.new_commune, f"Việc số {day}", dt.date(2026, 5, day))
    # session, user, (admin: the picked unit, the unit list), days, meetings, tasks, the navbar's unit
    with django_assert_max_num_queries(9):
        html = client.get(reverse("workcalendar:month", args=[2026, 5]) + query).content.decode()
    assert html.count("Giao ban ngày") == 28 and html.count("Việc số") == 28
    with django_assert_max_num_queries(9):
        assert client.get(reverse("workcalendar:week", args=[2026, 20]) + query).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("workcalendar:ics") + query).status_code == 200
