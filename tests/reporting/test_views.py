import io

from django.urls import reverse

from tests.factories import user
from tests.reporting.conftest import GOOD as FIGURES
from tuyengiao.accounts.models import Role
from tuyengiao.reporting.models import SubmissionStatus

GOOD = {f"v-{code}": value for code, value in FIGURES.items()}


def officer_client(world, login):
    return login(user("canbo", world.new_commune, Role.UNIT_OFFICER))


def test_the_unit_sees_what_it_must_submit(submission, world, login):
    body = officer_client(world, login).get(reverse("reporting:due")).content.decode()
    assert "Báo cáo công tác tuyên giáo" in body and "Tháng 9 năm 2025" in body and "05/10/2025" in body


def test_the_entry_form_shows_every_section_and_indicator(submission, world, login):
    body = officer_client(world, login).get(reverse("reporting:entry", args=[submission.pk])).content.decode()
    assert "I. Tình hình tư tưởng, dư luận xã hội" in body and "A05. Lượt người nghe" in body
    assert 'name="version" id="version" value="1"' in body and "hx-post" in body


def test_a_save_with_bad_values_keeps_them_and_says_what_is_wrong(submission, world, login):
    client = officer_client(world, login)
    response = client.post(
        reverse("reporting:entry", args=[submission.pk]),
        {"version": "1", "v-A01": "mười", "v-A04": "-3", "n-I": "Ổn định"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "“mười” không phải là số." in body and "Không được là số âm." in body
    assert 'value="mười"' in body and "Ổn định" in body


def test_autosave_stores_the_draft_and_returns_the_new_version(submission, world, login):
    client = officer_client(world, login)
    response = client.post(
        reverse("reporting:autosave", args=[submission.pk]),
        {"version": "1", "v-A01": "7"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đã tự động lưu" in body and 'value="2"' in body and "hx-swap-oob" in body
    submission.refresh_from_db()
    assert submission.values.get(indicator__code="A01").number == 7


def test_a_stale_save_gets_a_conflict_page_that_keeps_the_input(submission, world, login):
    client = officer_client(world, login)
    client.post(reverse("reporting:autosave", args=[submission.pk]), {"version": "1", "v-A01": "7"})
    response = client.post(reverse("reporting:entry", args=[submission.pk]), {"version": "1", "v-A01": "9"})
    assert response.status_code == 409
    assert 'value="9"' in response.content.decode()
    submission.refresh_from_db()
    assert submission.values.get(indicator__code="A01").number == 7


def test_sending_a_report_that_breaks_a_rule_is_refused_with_the_reason(submission, world, login):
    client = officer_client(world, login)
    response = client.post(
        reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1", "v-A05": "2"}
    )
    assert response.status_code == 400
    assert "Lượt người nghe không thể ít hơn" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT


def test_send_return_resend_accept(submission, world, login):
    client = officer_client(world, login)
    assert (
        client.post(reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1"}).status_code
        == 302
    )
    reviewer = login(user("chuyenvien", world.an, Role.SPECIALIST))
    page = reviewer.get(reverse("reporting:entry", args=[submission.pk])).content.decode()
    assert "Duyệt báo cáo" in page and "Trả lại" in page
    reviewer.post(reverse("reporting:return", args=[submission.pk]), {"reason": "Bổ sung mục III."})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    from django.test import Client

    officer = Client()
    officer.force_login(submission.unit.users.get(), backend="django.contrib.auth.backends.ModelBackend")
    page = officer.get(reverse("reporting:entry", args=[submission.pk])).content.decode()
    assert "Bổ sung mục III." in page
    officer.post(
        reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": str(submission.version)}
    )
    reviewer.post(reverse("reporting:accept", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED


def test_the_completeness_grid_and_its_excel(submission, world, login):
    from openpyxl import load_workbook

    client = officer_client(world, login)
    client.post(reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1"})
    manager = login(user("lanhdao", world.an, Role.LEADER))
    body = manager.get(reverse("reporting:assignment", args=[submission.assignment_id])).content.decode()
    assert "1/1 đơn vị đã nộp" in body
    response = manager.get(reverse("reporting:assignment_xlsx", args=[submission.assignment_id]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][1] == "1/1 đơn vị đã nộp"
    assert rows[4][0] == "Xã Mới" and rows[4][2] in ("Đúng hạn", "Trễ hạn")


def test_a_manager_assigns_a_report_to_every_commune(world, template, login):
    manager = login(user("chuyenvien", world.an, Role.SPECIALIST))
    response = manager.post(
        reverse("reporting:assignment_create"),
        {
            "template": template.pk,
            "period": "tháng 10/2025",
            "unit_kind": "commune",
            "deadline": "05/11/2025",
        },
    )
    assert response.status_code == 302
    body = manager.get(response["Location"]).content.decode()
    assert "Tháng 10 năm 2025" in body and "Xã Mới" in body


def test_a_period_that_does_not_parse_is_explained_and_kept(world, template, login):
    manager = login(user("chuyenvien", world.an, Role.SPECIALIST))
    response = manager.post(
        reverse("reporting:assignment_create"),
        {
            "template": template.pk,
            "period": "tháng 13/2025",
            "unit_kind": "commune",
            "deadline": "05/11/2025",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Tháng phải từ 1 đến 12" in body and 'value="tháng 13/2025"' in body


def test_a_template_round_trips_through_excel_in_the_browser_forms(world, template, login):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    manager = login(user("chuyenvien", world.an, Role.SPECIALIST))
    content = manager.get(reverse("reporting:template_xlsx", args=[template.pk])).content
    upload = SimpleUploadedFile("mau.xlsx", content)
    response = manager.post(
        reverse("reporting:template_import"), {"file": upload, "code": "BC-TG2", "name": "Mẫu mới"}
    )
    assert response.status_code == 302
    detail = manager.get(response["Location"]).content.decode()
    assert "Mẫu mới" in detail and "A05" in detail and "Áp dụng mẫu" in detail
    # a broken workbook: every problem listed, what was typed kept, nothing created
    book = load_workbook(io.BytesIO(content))
    book["Chỉ tiêu"]["E2"] = "số lượng"
    book["Chỉ tiêu"]["A3"] = None
    broken = io.BytesIO()
    book.save(broken)
    response = manager.post(
        reverse("reporting:template_import"),
        {"file": SimpleUploadedFile("hong.xlsx", broken.getvalue()), "code": "BC-TG3", "name": "Mẫu hỏng"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "dòng 2" in body and "dòng 3" in body and 'value="BC-TG3"' in body
    from tuyengiao.reporting.models import ReportTemplate

    assert not ReportTemplate.objects.filter(code="BC-TG3").exists()


def test_a_manager_sets_up_a_monthly_schedule_and_this_months_assignment_appears(world, template, login):
    manager = login(user("chuyenvien", world.an, Role.SPECIALIST))
    response = manager.post(
        reverse("reporting:schedules"),
        {"template": template.pk, "period_kind": "M", "deadline_day": "5", "target_kind": "commune"},
    )
    assert response.status_code == 302
    body = manager.get(reverse("reporting:schedules")).content.decode()
    assert "Hằng tháng" in body and "ngày 5 tháng sau kỳ" in body
    assert manager.get(reverse("reporting:due")).content.decode().count("Báo cáo công tác tuyên giáo") >= 1


def test_a_double_clicked_send_is_one_submission_and_both_clicks_succeed(submission, world, login):
    from tuyengiao.reporting.models import SubmissionEvent

    client = officer_client(world, login)
    first = client.post(reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1"})
    second = client.post(reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1"})
    assert first.status_code == second.status_code == 302
    assert SubmissionEvent.objects.filter(submission=submission, to_status="submitted").count() == 1


def test_a_refused_send_still_keeps_the_typed_draft(submission, world, login):
    client = officer_client(world, login)
    client.post(reverse("reporting:send", args=[submission.pk]), {**GOOD, "version": "1", "v-A05": "2"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
    assert submission.values.get(indicator__code="A05").raw == "2"
