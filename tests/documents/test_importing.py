import io

import docx
from django.core.exceptions import ValidationError

from tests.documents.conftest import ARTICLE
from tuyengiao.documents import importing
from tuyengiao.documents.models import ArticleImport, Citation, ImportStatus
from tuyengiao.meetings.models import Meeting, MeetingStatus


def as_docx(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def run(world, *files):
    return importing.import_files(actor=None, unit=world.an, files=files)


def test_an_article_becomes_a_draft_meeting_with_its_references_and_tasks(world, directive):
    [result] = run(world, ("so-ket.txt", ARTICLE.encode()))
    assert result.status == "imported", result.message
    meeting = result.article.meeting
    assert meeting.status == MeetingStatus.DRAFT and meeting.organizer == world.an
    assert meeting.kind == "so_ket" and meeting.starts_at.date().isoformat() == "2026-08-06"
    assert "Nguyễn Văn Bình" in meeting.chair
    assert meeting.period_key  # 6 tháng đầu năm 2026
    assert Citation.objects.filter(meeting=meeting, document=directive).exists()
    items = [i.text for i in meeting.conclusion.items.all()]
    assert len(items) == 2 and items[0].startswith("Một là")


def test_the_same_event_imported_twice_is_recognized(world):
    first, again, rewritten = run(
        world,
        ("a.txt", ARTICLE.encode()),
        ("b.txt", ARTICLE.encode()),
        ("c.docx", as_docx(ARTICLE.replace("đã quán triệt", "đã tổ chức quán triệt"))),
    )
    assert first.status == "imported"
    assert again.status == "duplicate" and again.article.meeting == first.article.meeting
    assert rewritten.status == "duplicate" and rewritten.article.meeting == first.article.meeting
    assert Meeting.objects.count() == 1


def test_bad_files_fail_alone_and_leave_nothing_behind(world, settings):
    settings.IMPORT_MAX_MB = 1
    results = run(
        world,
        ("gia.docx", b"this is not a zip"),
        ("rong.html", b"<html><body><nav>Trang ch\xe1\xbb\xa7</nav></body></html>"),
        ("lon.txt", b"x" * (1024 * 1024 + 1)),
        ("anh.png", b"\x89PNG"),
        ("tot.txt", ARTICLE.encode()),
    )
    assert [r.status for r in results] == ["error", "error", "error", "error", "imported"]
    assert all(r.message for r in results)
    assert "DOCX" in results[0].message and "MB" in results[2].message
    assert ArticleImport.objects.count() == 1 and Meeting.objects.count() == 1


def test_confirming_makes_the_meeting_part_of_the_record_and_discarding_removes_the_draft(world):
    [kept, dropped] = run(
        world, ("a.txt", ARTICLE.encode()), ("b.txt", ARTICLE.replace("Sáng 6-8", "Sáng 4-8").encode())
    )
    meeting = importing.confirm(actor=None, article=kept.article)
    assert meeting.status == MeetingStatus.HELD
    kept.article.refresh_from_db()
    assert kept.article.status == ImportStatus.CONFIRMED
    draft = dropped.article.meeting
    importing.discard(actor=None, article=dropped.article)
    assert not Meeting.objects.filter(pk=draft.pk).exists()
    try:
        importing.confirm(actor=None, article=kept.article)
    except ValidationError as error:
        assert "chờ rà soát" in error.messages[0]
    else:
        raise AssertionError("a confirmed article was confirmed twice")
