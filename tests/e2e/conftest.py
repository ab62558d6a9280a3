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
def make_page(browser):
    """New phone-sized (360 px wide), Vietnamese browser pages, each with its own cookies."""
    contexts = []

    def _make_page():
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, locale="vi-VN", accept_downloads=True
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield _make_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(make_page):
    return make_page()


@pytest.fixture
def sign_in(page, live_server):
    from tests.factories import PASSWORD

    def _sign_in(username, on=None):
        target = on or page
        target.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        target.get_by_label("Tên đăng nhập").fill(username)
        target.get_by_label("Mật khẩu").fill(PASSWORD)
        target.get_by_role("button", name="Đăng nhập").click()
        target.wait_for_url(f"{live_server.url}/")
        return target

    return _sign_in
