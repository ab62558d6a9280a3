"""An article becomes part of the record in a real browser: upload it, review the draft meeting,
confirm it, and find the meeting from the cited directive's page."""

import datetime as dt

from playwright.sync_api import expect

from tests.documents.conftest import ARTICLE
from tests.factories import user
from tuyengiao.accounts.models import Role
from tuyengiao.documents import services


def test_an_uploaded_article_is_reviewed_confirmed_and_found_from_the_directive(
    world, sign_in, make_page, live_server, tmp_path
):
    directive = services.register(
        actor=None,
        unit=world.centre,
        data=services.DocumentData(
            number="21-KL/TW", issued_on=dt.date(2021, 10, 25), subject="Về xây dựng, chỉnh đốn Đảng"
        ),
    )
    user("chuyenvien", world.an, Role.SPECIALIST)
    article = tmp_path / "so-ket-6-thang.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    page = sign_in("chuyenvien")
    page.goto(f"{live_server.url}/van-ban/")
    page.get_by_role("link", name="Nhập bài viết").click()
    page.get_by_label("Bài viết (TXT, HTML, DOCX)").set_input_files(str(article))
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.locator("#import-results")).to_contain_text("Đã tạo bản nháp")

    page.locator("#import-results").get_by_role("link", name="rà soát").click()
    found = page.locator("#found")
    expect(found).to_contain_text("06/08/2026")
    expect(found).to_contain_text("Nguyễn Văn Bình")
    expect(found).to_contain_text("21-KL/TW")
    expect(found).to_contain_text("Một là")
    page.get_by_role("button", name="Xác nhận hội nghị").click()
    expect(page.locator("main")).to_contain_text("Đã xác nhận hội nghị")
    expect(page.locator("h1")).not_to_contain_text("Bản nháp")

    page.goto(f"{live_server.url}/van-ban/{directive.pk}/")
    citing = page.locator("main")
    expect(citing).to_contain_text("Tỉnh An sơ kết công tác tuyên giáo 6 tháng đầu năm 2026")
    citing.get_by_role("link", name="Tỉnh An sơ kết công tác tuyên giáo 6 tháng đầu năm 2026").click()
    expect(page.locator("h1")).to_contain_text("Tỉnh An sơ kết")
