"""The reporting cycle in a real browser: fill, submit, return, fix, resubmit, accept, consolidate, DOCX."""

import datetime as dt

from playwright.sync_api import expect

from tests.factories import user
from tests.reporting.conftest import GOOD as FIGURES
from tests.reporting.conftest import build_template
from tuyengiao.accounts.models import Role
from tuyengiao.reporting import services
from tuyengiao.reporting.periods import month


def test_a_report_goes_up_is_returned_fixed_accepted_and_consolidated(world, sign_in, make_page, live_server):
    template = build_template(world.an)
    period = month(2025, 9)
    services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=period,
        units=[world.new_commune],
        deadline=dt.date(2025, 10, 5),
    )
    user("canbo", world.new_commune, Role.UNIT_OFFICER)
    user("chuyenvien", world.an, Role.SPECIALIST)

    officer = sign_in("canbo")
    officer.goto(f"{live_server.url}/bao-cao/")
    officer.get_by_role("link", name="Báo cáo công tác tuyên giáo").click()
    for code, value in FIGURES.items():
        officer.locator(f"#f-{code}").fill(value)
    officer.locator("#t-III").fill("Tổ chức 2 hội nghị báo cáo viên.")
    officer.get_by_role("button", name="Gửi báo cáo").click()
    expect(officer.locator("main")).to_contain_text("Đã gửi báo cáo lên cấp trên")

    specialist = sign_in("chuyenvien", on=make_page())
    specialist.goto(officer.url)
    specialist.get_by_label("Lý do trả lại").fill("Số hội nghị chưa đúng: tháng 9 có 3 hội nghị.")
    specialist.get_by_role("button", name="Trả lại").click()
    expect(specialist.locator("main")).to_contain_text("Đã trả lại báo cáo")

    officer.reload()
    expect(officer.locator("main")).to_contain_text("tháng 9 có 3 hội nghị")
    officer.locator("#f-A01").fill("3")
    officer.get_by_role("button", name="Gửi báo cáo").click()
    expect(officer.locator("main")).to_contain_text("Đã gửi báo cáo lên cấp trên")

    specialist.reload()
    specialist.get_by_role("button", name="Duyệt báo cáo").click()
    expect(specialist.locator("main")).to_contain_text("Đã duyệt báo cáo")

    specialist.goto(f"{live_server.url}/bao-cao/tong-hop/")
    specialist.get_by_label("Đơn vị").select_option(label=world.an.name)
    specialist.get_by_label("Kỳ").fill("tháng 9/2025")
    specialist.get_by_role("button", name="Tổng hợp").click()
    expect(specialist.locator("main")).to_contain_text("1/1 đơn vị đã nộp")
    with specialist.expect_download() as download_info:
        specialist.get_by_role("link", name="Tải DOCX").click()
    path = download_info.value.path()

    import docx

    document = docx.Document(str(path))
    figures = next(t for t in document.tables if t.rows[0].cells[0].text.strip() == "STT")
    values = {row.cells[1].text: row.cells[4].text for row in figures.rows[1:]}
    assert values["A01"] == "3" and values["A05"] == "1.890"
    assert "Tổ chức 2 hội nghị báo cáo viên." in "\n".join(p.text for p in document.paragraphs)


def test_every_reporting_page_fits_a_360_px_phone(world, sign_in, live_server):
    template = build_template(world.an)
    assignment = services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=month(2025, 9),
        units=[world.new_commune],
        deadline=dt.date(2025, 10, 5),
    )
    user("lanhdao", world.an, Role.LEADER)
    page = sign_in("lanhdao")
    submission = assignment.submissions.get()
    for path in [
        "/bao-cao/",
        f"/bao-cao/{submission.pk}/",
        f"/bao-cao/dot/{assignment.pk}/",
        "/bao-cao/dot/tao/",
        f"/bao-cao/tong-hop/?unit={world.an.pk}&period=2025-M09&template_code={template.code}&statuses=submitted",
        "/bao-cao/mau/",
        f"/bao-cao/mau/{template.pk}/",
        "/bao-cao/mau/nhap/",
        "/bao-cao/lich/",
    ]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways at 360 px: {width}px"
