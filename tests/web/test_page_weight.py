"""The first page a commune officer meets must load on a slow link: under 150 KB on the wire.

Whitenoise serves the pre-compressed (gzip) copies made by collectstatic; the HTML is measured
gzipped too, as a production server (gunicorn behind nginx) sends it.
"""

import gzip
import re

from django.contrib.staticfiles import finders
from django.urls import reverse

BUDGET = 150 * 1024


def wire_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def test_the_login_page_with_its_assets_weighs_under_150_kb(client, db):
    html = client.get(reverse("accounts:login")).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+)"', html)
    assert any(a.endswith(b".css") for a in assets) and any(a.endswith(b".js") for a in assets)
    total = wire_size(html)
    for asset in assets:
        path = finders.find(asset.decode())
        assert path, f"missing static file {asset!r}"
        with open(path, "rb") as file:
            total += wire_size(file.read())
    assert total < BUDGET, f"first page weighs {total / 1024:.0f} KB"
