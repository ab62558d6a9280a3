import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tuyengiao.workcalendar import anniversaries
from tuyengiao.workcalendar.models import CalendarChoice, CommemorativeDay, ImportanceChoice

pytestmark = pytest.mark.django_db


def local_day(**fields) -> CommemorativeDay:
    values = {
        "code": "giai-phong-tinh",
        "name": "Ngày Giải phóng tỉnh",
        "calendar": CalendarChoice.SOLAR,
        "month": 3,
        "day": 26,
        "origin_year": 1975,
        "importance": ImportanceChoice.HIGH,
    }
    values.update(fields)
    return CommemorativeDay(**values)


def test_the_migration_loads_the_default_table():
    rows = CommemorativeDay.objects.events()
    assert len(rows) == len(anniversaries.DEFAULT_EVENTS)
    assert {row.code: row for row in rows} == {event.code: event for event in anniversaries.DEFAULT_EVENTS}


def test_a_row_becomes_the_dataclass_and_back():
    labour = CommemorativeDay.objects.get(code="quoc-te-lao-dong")
    event = labour.to_event()
    assert event == anniversaries.CommemorativeDay(
        "quoc-te-lao-dong",
        "Ngày Quốc tế Lao động",
        anniversaries.CalendarKind.SOLAR,
        5,
        1,
        1886,
        anniversaries.Importance.NATIONAL,
    )
    assert anniversaries.occurrences([event], 2026)[0].anniversary == 140
    copy = CommemorativeDay.from_event(event)
    assert (copy.code, copy.calendar, copy.month, copy.day, copy.origin_year, copy.importance) == (
        "quoc-te-lao-dong",
        "solar",
        5,
        1,
        1886,
        3,
    )
    assert labour.day_month_label == "01/5"
    assert CommemorativeDay.objects.get(code="gio-to-hung-vuong").day_month_label == "10/3 (âm lịch)"


def test_a_valid_local_day_passes_validation():
    day = local_day()
    day.full_clean()
    day.save()
    lunar_day = local_day(
        code="le-hoi-dia-phuong", calendar=CalendarChoice.LUNAR, month=1, day=30, origin_year=None
    )
    lunar_day.full_clean()
    assert lunar_day.to_event().calendar is anniversaries.CalendarKind.LUNAR


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"month": 4, "day": 31}, "__all__", "Tháng 4 không có ngày 31"),
        ({"month": 2, "day": 29}, "__all__", "29/02"),
        ({"calendar": CalendarChoice.LUNAR, "day": 31}, "__all__", "Ngày âm lịch phải từ 1 đến 30"),
        ({"month": 13}, "month", ""),
        ({"code": "Giải phóng"}, "code", "chữ thường không dấu"),
        ({"code": "quoc-khanh"}, "code", ""),  # taken by the national table
        ({"name": ""}, "name", ""),
    ],
)
def test_impossible_days_are_refused_with_a_clear_message(fields, field, message):
    with pytest.raises(ValidationError) as refused:
        local_day(**fields).full_clean()
    errors = refused.value.message_dict
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert len(errors) == 1, errors  # one complaint, not the same one twice


def test_a_row_written_around_validation_is_skipped_not_fatal():
    local_day(month=4, day=31).save()
    codes = {event.code for event in CommemorativeDay.objects.events()}
    assert "giai-phong-tinh" not in codes and "quoc-khanh" in codes


def test_history_is_kept():
    day = local_day()
    day.save()
    day.origin_year = 1976
    day.save()
    assert day.history.count() == 2


def test_system_admins_add_local_days_in_the_admin_site(users, login):
    client = login(users["admin"])
    assert client.get("/quan-tri/workcalendar/commemorativeday/").status_code == 200
    response = client.post(
        "/quan-tri/workcalendar/commemorativeday/add/",
        {
            "name": "Ngày Giải phóng Tỉnh An",
            "code": "giai-phong-tinh-an",
            "calendar": "solar",
            "day": "3",
            "month": "5",
            "origin_year": "1976",
            "importance": "2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    added = CommemorativeDay.objects.get(code="giai-phong-tinh-an")
    assert anniversaries.occurrences([added.to_event()], 2026)[0].date == dt.date(2026, 5, 3)
    refused = client.post(
        "/quan-tri/workcalendar/commemorativeday/add/",
        {
            "name": "Ngày sai",
            "code": "ngay-sai",
            "calendar": "solar",
            "day": "31",
            "month": "4",
            "importance": "1",
        },
    )
    assert refused.status_code == 200 and "Tháng 4 không có ngày 31" in refused.content.decode()
    assert login(users["specialist"]).get("/quan-tri/workcalendar/commemorativeday/").status_code == 302
