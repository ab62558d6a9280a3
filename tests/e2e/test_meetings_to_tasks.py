"""The cycle turns in a real browser: a review conference, its conclusions become tasks for every
commune, a commune reports progress, and the province sees the matrix change."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import unit, user
from tuyengiao.accounts.models import Role


def test_a_conference_s_conclusions_become_tasks_a_commune_reports_the_province_sees_it(
    world, sign_in, make_page, live_server
):
    unit("Xã Ba", parent=world.an, code="AN.X3")
    user("chuyenvien", world.an, Role.SPECIALIST)
    user("canbo", world.new_commune, Role.UNIT_OFFICER)

    specialist = sign_in("chuyenvien")
    specialist.goto(f"{live_server.url}/hoi-nghi/tao/")
    specialist.get_by_label("Tên hội nghị").fill("Hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm 2026")
    specialist.get_by_label("Loại").select_option(label="Hội nghị sơ kết")
    specialist.locator("#id_format").select_option(label="Trực tiếp kết hợp trực tuyến")
    specialist.get_by_label("Ngày họp").fill("08/07/2026")
    specialist.get_by_label("Giờ bắt đầu").fill("08:00")
    specialist.get_by_label("Giờ kết thúc").fill("11:30")
    specialist.get_by_label("Kỳ được đánh giá").fill("6 tháng đầu năm 2026")
    specialist.get_by_label("Chủ trì (họ tên, chức vụ)").fill("Đồng chí Trưởng ban")
    specialist.locator("#id_points-0-unit").select_option(label="Xã Mới")
    specialist.locator("#id_points-0-attendance").fill("120")
    specialist.locator("#id_points-1-place").fill("Hội trường Tỉnh ủy")
    specialist.locator("#id_points-1-attendance").fill("80")
    specialist.get_by_role("button", name="Lưu").click()
    expect(specialist.locator("main")).to_contain_text("2 điểm cầu, 200 đại biểu")

    specialist.get_by_role("link", name="Thông báo kết luận").click()
    specialist.get_by_label("Số thông báo").fill("15-TB/BTGDVTU")
    specialist.get_by_label("Các nội dung kết luận").fill(
        "Một là, tổ chức học tập Kết luận 21-KL/TW.\nHai là, củng cố đội ngũ báo cáo viên."
    )
    specialist.get_by_role("button", name="Lưu").click()
    expect(specialist.locator("main")).to_contain_text("Thông báo kết luận 15-TB/BTGDVTU")

    specialist.get_by_role("link", name="Giao nhiệm vụ từ kết luận").click()
    first = specialist.locator("fieldset").first
    first.get_by_label("Giao cho tất cả xã, phường trực thuộc").check()
    deadline = timezone.localdate() + dt.timedelta(days=60)  # ahead: the task is new, not overdue
    first.get_by_label("Hạn hoàn thành").fill(deadline.strftime("%d/%m/%Y"))
    specialist.get_by_role("button", name="Giao nhiệm vụ").click()
    expect(specialist.locator("main")).to_contain_text("Đã giao 1 nhiệm vụ")

    specialist.goto(f"{live_server.url}/nhiem-vu/da-giao/")
    row = specialist.locator('tr[data-unit="Xã Mới"]')
    expect(row.locator("td").nth(0)).to_have_text("1")  # new
    expect(row.locator("td").nth(3)).to_have_text("0")  # done

    officer = sign_in("canbo", on=make_page())
    officer.goto(f"{live_server.url}/nhiem-vu/")
    officer.get_by_role("link", name="Một là, tổ chức học tập Kết luận 21-KL/TW.").click()
    officer.get_by_label("Tiến độ (%)").fill("100")
    officer.get_by_label("Kết quả thực hiện").fill("Đã tổ chức 2 buổi học tập cho 150 đảng viên.")
    officer.get_by_role("button", name="Gửi tiến độ").click()
    expect(officer.locator("main")).to_contain_text("Đã cập nhật tiến độ")
    expect(officer.locator("#progress")).to_have_text("100 %")

    specialist.reload()
    row = specialist.locator('tr[data-unit="Xã Mới"]')
    expect(row.locator("td").nth(0)).to_have_text("0")
    expect(row.locator("td").nth(3)).to_have_text("1")
    expect(specialist.locator('tr[data-unit="Xã Ba"] td').nth(0)).to_have_text("1")
    scroll = specialist.evaluate("document.documentElement.scrollWidth")
    assert scroll <= 360, scroll
