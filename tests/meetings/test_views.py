from django.urls import reverse

from tests.factories import unit, user
from tuyengiao.accounts.models import Role
from tuyengiao.meetings.models import Meeting
from tuyengiao.tasks.models import Task, TaskStatus


def _management(total=3):
    return {
        "points-TOTAL_FORMS": str(total),
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "500",
    }


def _form(**changes):
    data = {
        "title": "Giờ sinh hoạt toàn Đảng bộ tháng 8",
        "kind": "sinh_hoat",
        "format": "online",
        "date": "02/08/2026",
        "start_time": "07:30",
        "end_time": "09:30",
        **_management(),
        "points-0-unit": "",
        "points-0-place": "Hội trường Tỉnh ủy",
        "points-0-attendance": "500",
    }
    data.update(changes)
    return data


def test_a_review_conference_with_connection_points_then_conclusions_become_tasks(world, login, client):
    second = unit("Xã Ba", parent=world.an, code="AN.X3")
    login(user("cv.tinh", world.an, Role.SPECIALIST))
    response = client.post(
        reverse("meetings:create"),
        _form(
            **{"points-1-unit": str(world.new_commune.pk), "points-1-attendance": "700", "form_token": "t1"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get()
    body = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "2 điểm cầu, 1.200 đại biểu" in body
    response = client.post(
        reverse("meetings:conclusion", args=[meeting.pk]),
        {
            "number": "15-TB/BTGDVTU",
            "issued_on": "05/08/2026",
            "items": "Một là, học tập Kết luận 21.\nHai là, củng cố đội ngũ.",
        },
    )
    assert response.status_code == 302
    first, _second = meeting.conclusion.items.all()
    response = client.post(
        reverse("meetings:make_tasks", args=[meeting.pk]),
        {f"item{first.pk}-all_below": "on", f"item{first.pk}-deadline": "30/09/2026"},
    )
    assert response.status_code == 302
    parent = Task.objects.get(parent__isnull=True)
    assert parent.children.count() == 2 and {t.assignee for t in parent.children.all()} == {
        world.new_commune,
        second,
    }
    # deleting the meeting asks what becomes of the tasks, and keeps them when told so
    refused = client.post(reverse("meetings:delete", args=[meeting.pk]), {})
    assert refused.status_code == 400 and "giữ lại hay hủy" in refused.content.decode()
    assert client.post(reverse("meetings:delete", args=[meeting.pk]), {"tasks": "keep"}).status_code == 302
    assert not Meeting.objects.exists() and Task.objects.exclude(status=TaskStatus.CANCELLED).count() == 3


def test_bad_meeting_input_keeps_what_was_typed(world, login, client):
    login(user("cv.tinh", world.an, Role.SPECIALIST))
    response = client.post(
        reverse("meetings:create"),
        _form(
            end_time="07:00", **{"points-0-attendance": "-3", "points-1-unit": str(world.other_commune.pk)}
        ),
    )
    body = response.content.decode()
    assert response.status_code == 400 and not Meeting.objects.exists()
    assert "Giờ sen tháng 8" not in body and "Giờ sinh hoạt toàn Đảng bộ tháng 8" in body
    assert "không thuộc phạm vi" in body


def test_a_series_of_first_sundays_from_the_form(world, login, client):
    login(user("cv.tinh", world.an, Role.SPECIALIST))
    response = client.post(
        reverse("meetings:series_create"),
        {
            "title": "Giờ sinh hoạt toàn Đảng bộ",
            "kind": "sinh_hoat",
            "format": "online",
            "preset": "FREQ=MONTHLY;BYDAY=1SU",
            "first_date": "01/01/2026",
            "start_time": "07:30",
            "duration_minutes": "120",
            "form_token": "s1",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(series__isnull=False).count() >= 12
    bad = client.post(
        reverse("meetings:series_create"),
        {
            "title": "Họp",
            "kind": "giao_ban",
            "format": "in_person",
            "rrule": "FREQ=HOURLY",
            "first_date": "01/01/2026",
            "start_time": "07:30",
            "duration_minutes": "60",
            "form_token": "s2",
        },
    )
    assert bad.status_code == 400 and "giờ" in bad.content.decode()


def test_files_are_checked_on_the_way_in_and_served_only_to_who_may_see_them(world, login, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(user("cv.tinh", world.an, Role.SPECIALIST))
    client.post(
        reverse("meetings:create"),
        _form(format="in_person", **{"points-0-place": "", "points-0-attendance": "", "form_token": "f"}),
    )
    meeting = Meeting.objects.get()
    bad = client.post(
        reverse("meetings:upload", args=[meeting.pk]),
        {
            "kind": "slides",
            "file": SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream"),
        },
    )
    assert bad.status_code == 400 and "Không nhận tệp" in bad.content.decode() and not meeting.files.exists()
    good = client.post(
        reverse("meetings:upload", args=[meeting.pk]),
        {
            "kind": "minutes",
            "file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
        },
    )
    assert good.status_code == 302
    attached = meeting.files.get()
    response = client.get(reverse("meetings:file", args=[meeting.pk, attached.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 x"
    login(user("cv.khac", world.other, Role.SPECIALIST))
    assert client.get(reverse("meetings:file", args=[meeting.pk, attached.pk])).status_code == 404


def test_one_occurrence_is_moved_and_another_cancelled(world, login, client):
    import datetime as dt

    login(user("cv.tinh", world.an, Role.SPECIALIST))
    client.post(
        reverse("meetings:series_create"),
        {
            "title": "Giao ban",
            "kind": "giao_ban",
            "format": "in_person",
            "preset": "FREQ=MONTHLY;BYDAY=1SU",
            "first_date": "01/01/2026",
            "start_time": "07:30",
            "duration_minutes": "60",
            "form_token": "g",
        },
    )
    march = Meeting.objects.get(occurrence_date=dt.date(2026, 3, 1))
    response = client.post(
        reverse("meetings:move", args=[march.pk]),
        {"date": "08/03/2026", "start_time": "14:00", "version": "1"},
    )
    assert response.status_code == 302
    march.refresh_from_db()
    assert (
        march.starts_at.astimezone(dt.timezone(dt.timedelta(hours=7))).strftime("%d/%m %H:%M")
        == "08/03 14:00"
    )
    april = Meeting.objects.get(occurrence_date=dt.date(2026, 4, 5))
    assert (
        client.post(reverse("meetings:cancel", args=[april.pk]), {"reason": "Trùng lịch"}).status_code == 302
    )
    april.refresh_from_db()
    assert april.status == "cancelled"
    stale = client.post(
        reverse("meetings:move", args=[march.pk]),
        {"date": "09/03/2026", "start_time": "14:00", "version": "1"},
    )
    assert stale.status_code == 400 and "người khác" in stale.content.decode()
