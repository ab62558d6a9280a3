"""The consolidated report as files: opened back and checked."""

import io

import pytest
from django.urls import reverse

from tests.factories import user
from tuyengiao.accounts.models import Role


@pytest.fixture
def manager(world, login):
    return login(user("chuyenvien", world.an, Role.SPECIALIST))


QUERY = (
    "?unit={unit}&period=6+th%C3%A1ng+%C4%91%E1%BA%A7u+n%C4%83m+2024&template_code=BC-TG&statuses=submitted"
)


def test_the_consolidation_page_shows_totals_coverage_and_texts(world, first_half_2024, manager):
    body = manager.get(reverse("reporting:consolidated") + QUERY.format(unit=world.an.pk)).content.decode()
    assert "3/3 đơn vị đã nộp" in body and "6 tháng đầu năm 2024" in body
    assert "Xã Bình Cũ (Tháng 1 năm 2024)" in body  # compiled narratives, unit by unit
    assert '<td class="text-end">36</td>' in body  # A01 over months and units


def test_the_xlsx_holds_the_totals_and_the_per_unit_sheet(world, first_half_2024, manager):
    from openpyxl import load_workbook

    response = manager.get(
        reverse("reporting:consolidated_file", kwargs={"fmt": "xlsx"}) + QUERY.format(unit=world.an.pk)
    )
    book = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[3] for row in book["Tổng hợp"].iter_rows(min_row=5, values_only=True)}
    assert summary["A01"] == 36 and summary["A03"] == 41
    units = {row[0]: row for row in book["Theo đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert set(units) == {"Xã Một", "Xã Hai", "Xã Bình Cũ"}
    assert units["Xã Bình Cũ"][3] == 18  # its own A01 over the six months


def test_the_docx_is_in_party_format_with_the_right_totals(world, first_half_2024, manager):
    import docx

    response = manager.get(
        reverse("reporting:consolidated_file", kwargs={"fmt": "docx"}) + QUERY.format(unit=world.an.pk)
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    header = document.tables[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in "".join(cell.text for cell in header._cells)
    figures = next(t for t in document.tables if t.rows[0].cells[0].text.strip() == "STT")
    rows = {row.cells[1].text: row.cells[4].text for row in figures.rows[1:]}
    assert rows["A01"] == "36" and rows["A03"] == "41"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "3/3 đơn vị đã nộp" in text and "PHỤ LỤC" in text and "Bình tháng 1" in text


def test_a_period_that_does_not_parse_is_a_400_in_vietnamese(world, manager):
    response = manager.get(
        reverse("reporting:consolidated") + f"?unit={world.an.pk}&period=kỳ+nào&template_code=x"
    )
    assert response.status_code == 400
    assert "Không hiểu kỳ báo cáo" in response.content.decode()


def test_a_units_own_report_downloads_as_a_party_document(world, submission, login):
    import docx

    from tests.factories import user as make_user
    from tests.reporting.conftest import GOOD
    from tuyengiao.reporting import services

    officer = make_user("canbo", world.new_commune, Role.UNIT_OFFICER)
    services.save_draft(
        actor=officer,
        submission=submission,
        expected_version=1,
        values=GOOD,
        narratives={"III": "Tổ chức 2 hội nghị báo cáo viên."},
    )
    response = login(officer).get(reverse("reporting:entry_docx", args=[submission.pk]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    figures = next(t for t in document.tables if t.rows[0].cells[0].text.strip() == "STT")
    assert {row.cells[1].text: row.cells[4].text for row in figures.rows[1:]}["A05"] == "1.890"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "III. Công tác tuyên truyền" in text and "Tổ chức 2 hội nghị báo cáo viên." in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in "".join(cell.text for cell in document.tables[0]._cells)
