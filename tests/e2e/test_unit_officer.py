import re

from playwright.sync_api import expect


def test_a_unit_officer_sees_only_their_subtree(world, users, sign_in, live_server):
    page = sign_in("officer")
    expect(page.get_by_role("heading", name=re.compile("Đơn vị của tôi"))).to_contain_text("Xã Mới")
    expect(page.locator("main")).to_contain_text("Chi bộ Mới")

    page.goto(f"{live_server.url}/to-chuc/")
    tree = page.locator(".tree")
    expect(tree).to_contain_text("Chi bộ Mới")
    for foreign in ("Tỉnh Khác", "Xã Khác", "Tỉnh An"):
        expect(tree).not_to_contain_text(foreign)

    # another unit's page, typed straight into the address bar
    response = page.goto(f"{live_server.url}/to-chuc/{world.other_commune.pk}/")
    assert response.status == 404
    expect(page.locator("main")).to_contain_text("nằm ngoài phạm vi đơn vị của bạn")
    expect(page.locator("main")).not_to_contain_text("Xã Khác")


def test_the_tree_expands_in_place_and_fits_a_phone(world, users, sign_in, live_server):
    page = sign_in("specialist")
    page.goto(f"{live_server.url}/to-chuc/?ngay=01/01/2025")
    page.locator("summary", has_text="Huyện Một").click()
    expect(page.locator(".tree")).to_contain_text("Xã Một")  # loaded by htmx under the district
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways at 360 px: {width}px"


def test_the_menu_opens_on_a_phone(world, users, sign_in, live_server):
    page = sign_in("leader")
    menu = page.get_by_text("Menu")
    expect(page.get_by_role("link", name="Tổ chức")).to_be_hidden()
    menu.click()
    page.get_by_role("link", name="Tổ chức").click()
    expect(page.get_by_role("heading", name="Cây tổ chức")).to_be_visible()


def test_every_page_fits_a_360_px_phone(world, users, sign_in, live_server):
    page = sign_in("leader")
    for path in [
        "/",
        "/to-chuc/",
        f"/to-chuc/{world.new_commune.pk}/",
        f"/to-chuc/{world.new_commune.pk}/sua/",
        "/to-chuc/sap-nhap/",
        "/to-chuc/cum-thi-dua/",
        "/tai-khoan/nguoi-dung/",
        "/tai-khoan/nguoi-dung/tao/",
        "/tai-khoan/doi-mat-khau/",
    ]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways at 360 px: {width}px"
