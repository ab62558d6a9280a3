"""End-to-end tests: Debian's chromium driven by Playwright, against pytest-django's live server.

Never `playwright install`: the browser is Debian's package (`make test` installs it when it can).
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip(
            "e2e: Debian's chromium is not installed (apt-get install chromium); browser tests skipped"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A phone-sized page (360 px wide), Vietnamese."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(page, live_server):
    from tests.factories import PASSWORD

    def _sign_in(username):
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _sign_in
