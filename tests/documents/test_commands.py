import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from tests.documents.conftest import ARTICLE
from tuyengiao.meetings.models import Meeting

KEYS = {"file", "title", "published", "event", "documents", "tasks"}


def tuyengiao(*args):
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "tuyengiao", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_extract_prints_one_json_object_per_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        f"<html><body><article><h1>Tin</h1><p>{ARTICLE}</p></article></body></html>"
    )
    result = tuyengiao("extract", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all(set(line) >= KEYS for line in lines)
    first = lines[0]
    assert first["file"].endswith("a.txt") and first["published"] == "2026-08-07"
    assert first["event"]["date"] == "2026-08-06" and first["event"]["kind"] == "so_ket"
    assert [d["number"] for d in first["documents"]] == ["21-KL/TW", "05-CT/TW"]


def test_extract_reports_an_unreadable_file_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a docx")
    result = tuyengiao("extract", str(tmp_path / "b.docx"), str(tmp_path / "a.txt"), "--json")
    assert result.returncode == 1
    assert "b.docx" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.django_db
def test_import_articles_makes_drafts_and_says_what_happened(world, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a docx")
    with pytest.raises(SystemExit):
        call_command("import_articles", str(tmp_path), "--unit", "AN")
    out = capsys.readouterr().out
    assert "2 tệp: 1 bản nháp mới, 0 trùng, 1 lỗi." in out
    assert Meeting.objects.count() == 1
