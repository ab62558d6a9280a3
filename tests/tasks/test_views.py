from django.urls import reverse

from tests.factories import user
from tuyengiao.accounts.models import Role


def test_a_commune_reports_progress_and_the_province_matrix_changes(cascade, communes, world, login, client):
    officer = user("cb.moi", world.new_commune, Role.UNIT_OFFICER)
    child = cascade.children.get(assignee=world.new_commune)
    login(officer)
    mine = client.get(reverse("tasks:mine")).content.decode()
    assert "Tổ chức học tập Kết luận 21-KL/TW" in mine and "31/08/2026" in mine
    refused = client.post(reverse("tasks:detail", args=[child.pk]), {"percent": "120", "version": "1"})
    assert refused.status_code == 400 and "từ 0 đến 100" in refused.content.decode()
    response = client.post(
        reverse("tasks:detail", args=[child.pk]),
        {"percent": "100", "text": "Đã tổ chức 2 buổi", "version": "1"},
    )
    assert response.status_code == 302
    stale = client.post(reverse("tasks:detail", args=[child.pk]), {"percent": "100", "version": "1"})
    assert stale.status_code in (400, 409)
    login(user("cv.an", world.an, Role.SPECIALIST))
    body = client.get(reverse("tasks:assigned")).content.decode()
    assert 'data-unit="Xã Mới"' in body
    row = body.split('data-unit="Xã Mới"')[1].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    assert cells == ["0", "0", "0", "1", "0", "1"]  # new, in progress, overdue, done, cancelled, total
    parent = client.get(reverse("tasks:detail", args=[cascade.pk])).content.decode()
    assert "33 %" in parent and "trung bình" in parent


def test_the_task_pages_run_a_bounded_number_of_queries(
    cascade, world, login, client, django_assert_max_num_queries
):
    login(user("cv.an", world.an, Role.SPECIALIST))
    for name in ("tasks:mine", "tasks:assigned", "tasks:overdue"):
        with django_assert_max_num_queries(8):
            assert client.get(reverse(name)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("tasks:detail", args=[cascade.pk])).status_code == 200


def test_a_specialist_gives_a_task_to_every_commune_below_and_bad_input_is_kept(
    world, communes, login, client
):
    from tuyengiao.tasks.models import Task

    login(user("cv.an", world.an, Role.SPECIALIST))
    bad = client.post(
        reverse("tasks:create"),
        {
            "title": "Tuyên truyền Đại hội",
            "given_on": "10/07/2026",
            "deadline": "01/07/2026",
            "all_below": "on",
            "source": "none",
            "form_token": "a",
        },
    )
    assert bad.status_code == 400 and "không được trước ngày giao" in bad.content.decode()
    assert "Tuyên truyền Đại hội" in bad.content.decode() and not Task.objects.exists()
    good = client.post(
        reverse("tasks:create"),
        {
            "title": "Tuyên truyền Đại hội",
            "given_on": "10/07/2026",
            "deadline": "30/09/2026",
            "all_below": "on",
            "source": "report",
            "form_token": "b",
        },
    )
    assert good.status_code == 400 and "Ghi rõ văn bản hoặc báo cáo nguồn" in good.content.decode()
    good = client.post(
        reverse("tasks:create"),
        {
            "title": "Tuyên truyền Đại hội",
            "given_on": "10/07/2026",
            "deadline": "30/09/2026",
            "all_below": "on",
            "source": "report",
            "source_reference": "Báo cáo 6 tháng đầu năm 2026, phần phương hướng",
            "form_token": "c",
        },
    )
    assert good.status_code == 302
    parent = Task.objects.get(parent__isnull=True)
    assert {t.assignee for t in parent.children.all()} == set(communes)
    assert parent.source == "report" and parent.children.filter(source="report").count() == len(communes)
    officer = login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    assert officer.get(reverse("tasks:create")).status_code == 403


def test_the_lists_download_as_xlsx_and_csv(cascade, world, login, client):
    import io

    from openpyxl import load_workbook

    login(user("cv.an", world.an, Role.SPECIALIST))
    response = client.get(reverse("tasks:export", args=["qua-han", "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:2] == ["Nhiệm vụ", "Đơn vị giao"]
    login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    text = client.get(reverse("tasks:export", args=["cua-don-vi", "csv"])).content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2 and "Tổ chức học tập Kết luận 21-KL/TW" in lines[1] and "31/08/2026" in lines[1]
    assert client.get(reverse("tasks:export", args=["khac", "csv"])).status_code == 404


def test_evidence_goes_with_the_progress_report_and_stays_within_the_subtree(cascade, world, login, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    child = cascade.children.get(assignee=world.new_commune)
    login(user("cb.moi", world.new_commune, Role.UNIT_OFFICER))
    bad = client.post(
        reverse("tasks:detail", args=[child.pk]),
        {"percent": "30", "version": "1", "file": SimpleUploadedFile("a.exe", b"MZ")},
    )
    assert bad.status_code == 400 and "Không nhận tệp" in bad.content.decode()
    client.post(
        reverse("tasks:detail", args=[child.pk]),
        {"percent": "30", "version": "1", "file": SimpleUploadedFile("anh.jpg", b"JPEGDATA")},
    )
    update = child.updates.get()
    url = reverse("tasks:update_file", args=[child.pk, update.pk])
    login(user("cv.an", world.an, Role.SPECIALIST))
    assert b"".join(client.get(url).streaming_content) == b"JPEGDATA"
    login(user("cv.khac", world.other, Role.SPECIALIST))
    assert client.get(url).status_code == 404


def test_the_home_page_shows_upcoming_meetings_overdue_tasks_and_completion_by_unit(
    cascade, communes, world, review_meeting, login, client
):
    import datetime as dt
    import json

    from django.utils import timezone

    from tuyengiao.tasks import services as task_services

    task_services.report_progress(
        actor=None, task=cascade.children.get(assignee=communes[0]), expected_version=1, percent=100
    )
    login(user("cv.an", world.an, Role.SPECIALIST))
    body = client.get(reverse("web:home")).content.decode()
    assert "Tỷ lệ hoàn thành nhiệm vụ đã giao" in body
    data = json.loads(body.split('data-chart="')[-1].split('"')[0].replace("&quot;", '"'))
    completion = dict(zip(data["labels"], data["datasets"][0]["data"], strict=True))
    assert completion[communes[0].name] == 100 and completion[communes[1].name] == 0
    overdue = timezone.localdate() > dt.date(2026, 8, 31)
    assert ("nhiệm vụ quá hạn trong phạm vi" in body) == overdue


def test_long_lists_come_a_hundred_a_page_with_the_total_and_the_days_late(world, communes, login, client):
    import datetime as dt

    from tuyengiao.tasks.models import Task

    Task.objects.bulk_create(
        Task(
            title=f"Việc số {i}",
            assigner=world.an,
            assignee=communes[i % 3],
            given_on=dt.date(2026, 1, 1),
            deadline=dt.date(2026, 2, 1) + dt.timedelta(days=i % 20),
        )
        for i in range(150)
    )
    login(user("cv.an", world.an, Role.SPECIALIST))
    first = client.get(reverse("tasks:overdue")).content.decode()
    second = client.get(reverse("tasks:overdue") + "?trang=2").content.decode()
    assert "150 nhiệm vụ" in first and "trang 1/2" in first
    assert first.count("Việc số") == 100 and second.count("Việc số") == 50
    assert client.get(reverse("tasks:overdue") + "?trang=abc").status_code == 200  # the first page
