from playwright.sync_api import expect

from tuyengiao.orgs.models import EmulationCluster


def test_a_double_clicked_save_creates_one_record(world, users, sign_in, live_server):
    page = sign_in("leader")
    page.goto(f"{live_server.url}/to-chuc/cum-thi-dua/tao/")
    page.get_by_label("Tên cụm").fill("Cụm thi đua số 5")
    page.get_by_label("Đơn vị thành viên").select_option(label=["Xã Mới (AN.X1)"])
    page.get_by_label("Từ ngày").fill("01/07/2025")
    page.get_by_role("button", name="Lưu").dblclick()
    expect(page.get_by_role("heading", name="Cụm thi đua số 5")).to_be_visible()
    assert EmulationCluster.objects.filter(name="Cụm thi đua số 5").count() == 1


def test_a_bad_date_keeps_what_was_typed(world, users, sign_in, live_server):
    page = sign_in("leader")
    page.goto(f"{live_server.url}/to-chuc/cum-thi-dua/tao/")
    page.get_by_label("Tên cụm").fill("Cụm thi đua số 6")
    page.get_by_label("Từ ngày").fill("31/02/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("main")).to_contain_text("không tồn tại")
    expect(page.get_by_label("Tên cụm")).to_have_value("Cụm thi đua số 6")
    expect(page.get_by_label("Từ ngày")).to_have_value("31/02/2025")
    assert not EmulationCluster.objects.filter(name="Cụm thi đua số 6").exists()
