import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.documents.conftest import ARTICLE
from tuyengiao.documents import services
from tuyengiao.documents.models import ArticleImport, Document
from tuyengiao.meetings.models import MeetingStatus


def form(**changes):
    data = {
        "number": "Số 15 - CT/TƯ",
        "issued_on": "12/03/2026",
        "issuing_body": "Ban Bí thư",
        "subject": "Về tăng cường công tác tuyên truyền",
        "summary": "",
        "classification": "thuong",
        "status": "in_force",
    }
    return {**data, **changes}


def test_a_specialist_registers_a_document_in_canonical_form(users, login):
    client = login(users["specialist"])
    response = client.post(reverse("documents:create"), form())
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "documents:detail", args=[document.pk]
    )
    assert document.number == "15-CT/TW" and document.term == "XIV"


def test_a_malformed_number_is_refused_with_the_reason_and_the_input_kept(users, login):
    client = login(users["specialist"])
    response = client.post(reverse("documents:create"), form(number="15 CT TW", subject="Nội dung đã gõ"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nội dung đã gõ" in page and "15 CT TW" in page
    assert "invalid-feedback" in page and not Document.objects.exists()


def test_a_stale_edit_gets_409_and_keeps_what_was_typed(users, login, world):
    document = services.register(
        actor=None,
        unit=world.an,
        data=services.DocumentData(number="15-CT/TW", issued_on=dt.date(2026, 3, 12)),
    )
    client = login(users["specialist"])
    services.update(
        actor=None,
        document=document,
        expected_version=1,
        data=services.DocumentData(number="15-CT/TW", subject="A"),
    )
    response = client.post(
        reverse("documents:edit", args=[document.pk]), form(version=1, subject="Bản của tôi")
    )
    assert response.status_code == 409 and "Bản của tôi" in response.content.decode()
    document.refresh_from_db()
    assert document.subject == "A"


def test_the_list_filters_by_type_year_term_and_search_without_diacritics(users, login, world):
    for number, day, subject in (
        ("05-CT/TW", dt.date(2016, 5, 15), "Đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh"),
        ("21-KL/TW", dt.date(2021, 10, 25), "Xây dựng, chỉnh đốn Đảng"),
    ):
        services.register(
            actor=None,
            unit=world.an,
            data=services.DocumentData(number=number, issued_on=day, subject=subject),
        )
    client = login(users["viewer"])
    listed = lambda query: client.get(reverse("documents:list") + query).content.decode()  # noqa: E731
    assert "05-CT/TW" in listed("?doc_type=CT") and "21-KL/TW" not in listed("?doc_type=CT")
    assert "21-KL/TW" in listed("?term=XIII") and "05-CT/TW" not in listed("?term=XIII")
    assert "05-CT/TW" in listed("?year=2016") and "21-KL/TW" not in listed("?year=2016")
    assert "05-CT/TW" in listed("?q=hoc+tap+lam+theo") and "21-KL/TW" not in listed("?q=hoc+tap+lam+theo")
    response = client.get(reverse("documents:list") + "?year=abc")
    assert response.status_code == 200 and "không hợp lệ" in response.content.decode()


def test_the_document_page_lists_the_meetings_that_cite_it(users, login, world, directive):
    from tuyengiao.meetings import services as meetings

    start = dt.datetime(2026, 8, 6, 1, 0, tzinfo=dt.UTC)
    meetings.create_meeting(
        actor=None,
        organizer=world.new_commune,
        data=meetings.MeetingData(
            title="Xã Mới quán triệt Kết luận 21-KL/TW", kind="so_ket", starts_at=start, ends_at=start
        ),
    )
    page = login(users["officer"]).get(reverse("documents:detail", args=[directive.pk])).content.decode()
    assert "Xã Mới quán triệt Kết luận 21-KL/TW" in page


def test_uploading_articles_reports_each_file(users, login, world):
    client = login(users["specialist"])
    files = [
        SimpleUploadedFile("so-ket.txt", ARTICLE.encode(), content_type="text/plain"),
        SimpleUploadedFile("hong.docx", b"not a docx", content_type="application/octet-stream"),
    ]
    response = client.post(reverse("documents:imports"), {"files": files})
    page = response.content.decode()
    assert response.status_code == 200
    assert "hong.docx" in page and "DOCX" in page
    article = ArticleImport.objects.get()
    assert article.meeting.status == MeetingStatus.DRAFT
    response = client.post(reverse("documents:import_confirm", args=[article.pk]))
    assert response.status_code == 302
    article.meeting.refresh_from_db()
    assert article.meeting.status == MeetingStatus.HELD


def test_an_empty_upload_is_a_400_with_a_message(users, login):
    response = login(users["specialist"]).post(reverse("documents:imports"), {})
    assert response.status_code == 400 and "Chọn ít nhất một tệp" in response.content.decode()


def test_the_tracking_page_gives_a_review_as_a_report(users, login, world, directive):
    from tests.reporting.conftest import build_template
    from tuyengiao.documents import implementation

    template = build_template(world.an)
    review = implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="review",
        title="Sơ kết 5 năm",
        due_on=dt.date(2026, 10, 25),
    )
    client = login(users["specialist"])
    page = client.get(reverse("documents:tracking", args=[directive.pk])).content.decode()
    assert "Giao thành báo cáo" in page and template.name in page
    response = client.post(reverse("documents:give", args=[directive.pk, review.pk]), {"template": "999999"})
    review.refresh_from_db()
    assert response.status_code == 302 and not review.given
    client.post(reverse("documents:give", args=[directive.pk, review.pk]), {"template": str(template.pk)})
    review.refresh_from_db()
    assert review.assignment is not None and review.assignment.template == template
    page = client.get(reverse("documents:tracking", args=[directive.pk])).content.decode()
    assert "Quá hạn" in page  # the deadline has passed and the report is not sent


def test_the_tracking_matrix_downloads_as_a_spreadsheet_with_attendance(users, login, directive, study):
    import io

    from openpyxl import load_workbook

    from tuyengiao.documents import implementation
    from tuyengiao.tasks import services as tasks

    task = implementation.give(actor=None, action=study)
    tasks.report_progress(
        actor=None, task=task, expected_version=1, percent=100, participants=171, members=200
    )
    client = login(users["specialist"])
    page = client.get(reverse("documents:tracking", args=[directive.pk])).content.decode()
    assert reverse("documents:tracking_xlsx", args=[directive.pk]) in page
    assert "85,5% tham gia" in page and "1 đơn vị dưới chỉ tiêu" in page
    response = client.get(reverse("documents:tracking_xlsx", args=[directive.pk]))
    assert (
        response.status_code == 200 and "theo-doi-thuc-hien-21-kltw.xlsx" in response["Content-Disposition"]
    )
    book = load_workbook(io.BytesIO(response.content))
    summary, grid = book["Việc phải làm"], book["Đơn vị × việc"]
    assert [c.value for c in summary[3]] == [study.title, "01/12/2026", "Tỉnh An", 1, 1, 90, 85.5, 1]
    assert [c.value for c in grid[2]] == [None, "Trạng thái", "Tiến độ (%)", "Tham gia (%)"]
    assert [c.value for c in grid[3]] == ["Xã Mới", "Hoàn thành", 100, 85.5]
