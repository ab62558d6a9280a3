from playwright.sync_api import expect

from tuyengiao.orgs.models import OrgUnit


def test_a_specialist_merges_two_communes_through_the_wizard(world, users, sign_in, live_server):
    from tests.factories import unit

    first = unit("Xã Đông", parent=world.an, code="AN.D", valid_from=world.new_commune.valid_from)
    second = unit("Xã Tây", parent=world.an, code="AN.T", valid_from=world.new_commune.valid_from)
    unit("Chi bộ Tây 1", parent=second, code="AN.T.1", kind="cell", valid_from=second.valid_from)
    page = sign_in("specialist")

    page.goto(f"{live_server.url}/to-chuc/sap-nhap/")
    page.get_by_label("Các đơn vị sáp nhập").select_option(label=["Xã Đông (AN.D)", "Xã Tây (AN.T)"])
    page.get_by_label("Ngày hiệu lực").fill("01/01/2026")
    page.get_by_label("…hoặc tên đơn vị mới").fill("Xã Đông Tây")
    page.get_by_label("Mã đơn vị mới").fill("AN.DT")
    page.get_by_role("button", name="Xem trước").click()

    expect(page.get_by_role("heading", name="Xem trước sáp nhập")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Chi bộ Tây 1")  # the child that will move
    assert not OrgUnit.objects.filter(code="AN.DT").exists()  # nothing written yet

    page.get_by_role("button", name="Xác nhận sáp nhập").click()
    expect(page.get_by_role("heading", name="Xã Đông Tây")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Chi bộ Tây 1")
    lineage = page.locator("section", has=page.get_by_role("heading", name="Biến động tổ chức"))
    expect(lineage).to_contain_text("Xã Đông")
    expect(lineage).to_contain_text("Xã Tây")
    first.refresh_from_db()
    assert str(first.valid_to) == "2025-12-31"
