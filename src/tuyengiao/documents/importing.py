"""Nhập bài viết: the commissions' own published articles become draft meeting records.

Each file (TXT, HTML, DOCX) is read and extracted (`textmining`), then becomes a draft meeting of
the importing unit, with the article as its minutes (so the documents it cites link to the
registry), the enumerated key tasks as its conclusion items, and the extraction kept beside it for
review. A specialist reviews, corrects and confirms the draft. Each file is imported in its own
transaction: a file that fails leaves nothing behind and the rest of the batch goes on.

The same event imported twice (the same text, or the same kind of event on the same day for the
same unit, e.g. reported by two websites) is recognized and points at the meeting already there.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tuyengiao.core.services import audited_save, fail
from tuyengiao.core.text import fold, nfc
from tuyengiao.documents.models import ArticleImport, ImportStatus
from tuyengiao.meetings import services as meeting_services
from tuyengiao.meetings.models import Meeting, MeetingKind, MeetingStatus
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.reporting import periods
from tuyengiao.textmining import ConversionError, extract_text
from tuyengiao.textmining.convert import read as read_text

SUFFIXES = {".txt", ".html", ".htm", ".docx"}
KINDS = {
    "so_ket": MeetingKind.SO_KET,
    "tong_ket": MeetingKind.TONG_KET,
    "giao_ban": MeetingKind.GIAO_BAN,
    "bao_cao_vien": MeetingKind.BAO_CAO_VIEN,
}
VN = dt.timezone(dt.timedelta(hours=7))


@dataclass
class FileResult:
    name: str
    status: str  # "imported", "duplicate" or "error"
    message: str
    article: ArticleImport | None = None

    @property
    def ok(self) -> bool:
        return self.status != "error"


def _period(found: dict):
    year, part = (found.get("period") or {}).get("year"), (found.get("period") or {}).get("part")
    if not year:
        return None
    try:
        if not part or part == "Y":
            return periods.year_period(year)
        if part.startswith("M"):
            return periods.month(year, int(part[1:]))
        if part.startswith("Q"):
            return periods.quarter(year, int(part[1:]))
        if part in ("H1", "H2"):
            return periods.half(year, int(part[1]))
        if part == "9M":
            return periods.nine_months(year)
    except (ValueError, periods.PeriodParseError):
        return None
    return None


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def event_key(found: dict) -> str:
    event = found.get("event") or {}
    day = event.get("date")
    return f"{event.get('kind') or 'khac'}|{day}" if day else ""


def _duplicate(unit: OrgUnit, content_hash: str, key: str, kind: str, day: dt.date | None):
    same = ArticleImport.objects.filter(unit=unit).exclude(status=ImportStatus.DISCARDED)
    earlier = same.filter(content_hash=content_hash).first() or (key and same.filter(event_key=key).first())
    if earlier:
        return earlier.meeting
    if day and kind != MeetingKind.OTHER:  # a meeting typed by hand for that day
        start = dt.datetime.combine(day, dt.time.min, VN)
        return (
            Meeting.objects.filter(organizer=unit, kind=kind, starts_at__gte=start)
            .filter(starts_at__lt=start + dt.timedelta(days=1))
            .exclude(status=MeetingStatus.CANCELLED)
            .first()
        )
    return None


def check_size(name: str, size: int) -> None:
    if Path(name).suffix.lower() not in SUFFIXES:
        fail(f"Không nhận tệp “{name}”: chỉ nhận bài viết dạng TXT, HTML hoặc DOCX.")
    if size > settings.IMPORT_MAX_MB * 1024 * 1024:
        fail(f"Tệp “{name}” lớn quá {settings.IMPORT_MAX_MB} MB.")
    if size == 0:
        fail(f"Tệp “{name}” trống.")


@transaction.atomic
def import_article(*, actor, unit: OrgUnit, name: str, data: bytes) -> FileResult:
    """One file → one draft meeting (or the meeting it duplicates). Raises ValidationError with the reason."""
    name = nfc(Path(name).name)[:255] or "bai-viet.txt"
    if actor is not None and not meeting_services.can_organize(actor, unit):
        fail("Bạn chỉ nhập bài viết cho đơn vị mình.", code="forbidden")
    check_size(name, len(data))
    try:
        text = read_text(data, name)
    except ConversionError as error:
        fail(f"Tệp “{name}”: {error.reason}")
    found = extract_text(text, file=name)
    body = nfc(text)
    if len(body) < 80:
        fail(f"Tệp “{name}” không có nội dung bài viết.")
    content_hash = hashlib.sha256(fold(body).encode()).hexdigest()
    event = found.get("event") or {}
    kind = KINDS.get(event.get("kind"), MeetingKind.OTHER)
    day = _day(event.get("date"))
    key = event_key(found)
    article = ArticleImport(
        unit=unit,
        file_name=name,
        content_hash=content_hash,
        event_key=key,
        title=nfc(found.get("title") or "")[:500],
        published=_day(found.get("published")),
        text=body,
        extracted=found,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    twin = _duplicate(unit, content_hash, key, kind, day)
    if twin is not None:
        article.meeting, article.status = twin, ImportStatus.DUPLICATE
        article.save()
        return FileResult(name, "duplicate", f"Trùng sự kiện đã có: “{twin}”.", article)
    article.meeting = _draft_meeting(actor, unit, article, found, kind, day)
    article.save()
    return FileResult(name, "imported", f"Đã tạo bản nháp “{article.meeting}”.", article)


def _draft_meeting(actor, unit, article, found, kind, day) -> Meeting:
    event = found.get("event") or {}
    on = day or article.published or timezone.localdate()
    starts = dt.datetime.combine(on, dt.time(8, 0), VN)
    period = _period(event)
    title = article.title or f"{MeetingKind(kind).label} {on:%d/%m/%Y}"
    source = f"Nguồn: bài viết “{article.title or article.file_name}”"
    if article.published:
        source += f", đăng ngày {article.published:%d/%m/%Y}"
    data = meeting_services.MeetingData(
        title=title[:300],
        kind=kind,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        place=(event.get("location") or "")[:300],
        period_key=period.key if period else "",
        period_label=period.label if period else "",
        chair=(event.get("chair") or "")[:300],
        minutes=f"{source}.\n\n{article.text}",
    )
    meeting = meeting_services.create_meeting(actor=actor, organizer=unit, data=data)
    meeting.status = MeetingStatus.DRAFT
    audited_save(meeting, actor=actor, reason="nhập từ bài viết")
    tasks = found.get("tasks") or []
    if tasks:
        meeting_services.save_conclusion(actor=actor, meeting=meeting, items=tasks)
    return meeting


def import_files(*, actor, unit: OrgUnit, files, progress=None) -> list[FileResult]:
    """A batch: `files` yields (name, bytes). Each file succeeds or fails alone."""
    files = list(files)
    results = []
    for done, (name, data) in enumerate(files, start=1):
        try:
            results.append(import_article(actor=actor, unit=unit, name=name, data=data))
        except ValidationError as error:
            results.append(FileResult(nfc(Path(name).name), "error", " ".join(error.messages)))
        if progress:
            progress(done / len(files), name)
    return results


@transaction.atomic
def confirm(*, actor, article: ArticleImport) -> Meeting:
    """Xác nhận: the draft becomes a meeting of the record (held, or planned if it is still to come)."""
    article = ArticleImport.objects.select_for_update().get(pk=article.pk)
    if article.status != ImportStatus.DRAFT or article.meeting is None:
        fail("Bài viết này không còn ở trạng thái chờ rà soát.", code="state")
    meeting = article.meeting
    if actor is not None and not meeting_services.can_organize(actor, meeting.organizer):
        fail("Bạn chỉ xác nhận được hội nghị của đơn vị mình.", code="forbidden")
    meeting.status = MeetingStatus.HELD if meeting.starts_at <= timezone.now() else MeetingStatus.PLANNED
    meeting.version += 1
    audited_save(meeting, actor=actor, reason="xác nhận từ bài viết")
    article.status = ImportStatus.CONFIRMED
    article.save(update_fields=["status"])
    return meeting


@transaction.atomic
def discard(*, actor, article: ArticleImport) -> None:
    """Bỏ: the draft meeting goes; the import stays listed as discarded."""
    article = ArticleImport.objects.select_for_update().get(pk=article.pk)
    if article.status != ImportStatus.DRAFT:
        fail("Chỉ bỏ được bài viết đang chờ rà soát.", code="state")
    if actor is not None and not meeting_services.can_organize(actor, article.unit):
        fail("Bạn chỉ bỏ được bài viết của đơn vị mình.", code="forbidden")
    meeting = article.meeting
    article.meeting, article.status = None, ImportStatus.DISCARDED
    article.save(update_fields=["meeting", "status"])
    if meeting is not None and meeting.status == MeetingStatus.DRAFT:
        meeting.delete()
