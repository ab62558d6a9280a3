from django.urls import reverse


def test_home_shows_the_users_unit_and_its_subtree(world, users, login):
    body = login(users["leader"]).get(reverse("web:home")).content.decode()
    assert "Tỉnh An" in body and "Xã Mới" in body
    assert "Lãnh đạo ban" in body


def test_navigation_follows_the_role(world, users, login):
    leader = login(users["leader"]).get(reverse("web:home")).content.decode()
    assert reverse("orgs:merge") in leader
    viewer = login(users["viewer"]).get(reverse("web:home")).content.decode()
    assert reverse("orgs:merge") not in viewer and "/quan-tri/" not in viewer
    admin = login(users["admin"]).get(reverse("web:home")).content.decode()
    assert "/quan-tri/" in admin


def test_pages_carry_a_skip_link_and_security_headers(world, users, login):
    response = login(users["viewer"]).get(reverse("web:home"))
    assert 'href="#content"' in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_english_is_selectable(world, users, login):
    client = login(users["viewer"])
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get(reverse("web:home")).content.decode()
    assert "Organization" in body and 'lang="en"' in body


def test_error_pages_are_in_vietnamese(world, users, login, client):
    response = login(users["viewer"]).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_missing_csrf_token_is_a_vietnamese_403(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(db, client):
    response = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in response.content.decode() and "Đăng nhập" in response.content.decode()
    client.post("/ngon-ngu/", {"language": "en", "next": "/"})
    assert "Sign in" in client.get("/tai-khoan/dang-nhap/").content.decode()
