"""`tuyengiao extract FILE... --json`: what the reader finds in articles, one JSON object per line.

A stable command for scripts: the schema is that of the annotated sample articles (file, title,
published, event, documents, tasks). Folders are read for their .txt, .html, .htm and .docx files.
A file that cannot be read is reported on stderr and the others are still printed; the exit status
is then 1.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from tuyengiao.textmining import ConversionError, extract_file

SUFFIXES = {".txt", ".html", ".htm", ".docx"}


def expand(paths) -> list[Path]:
    """Files as given, and the article files inside folders (sorted), each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


class Command(BaseCommand):
    help = "Đọc bài viết (TXT, HTML, DOCX): sự kiện, văn bản được trích dẫn, nhiệm vụ; --json: mỗi tệp một dòng JSON."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE", help="tệp hoặc thư mục bài viết")
        parser.add_argument("--json", action="store_true", help="mỗi tệp một dòng JSON (cho script)")

    def handle(self, *args, **options):
        failed = 0
        for path in expand(options["paths"]):
            try:
                found = extract_file(path)
            except ConversionError as error:
                failed += 1
                sys.stderr.write(f"tuyengiao: {path}: {error.reason}\n")
                continue
            except OSError as error:
                failed += 1
                sys.stderr.write(f"tuyengiao: {path}: không đọc được tệp ({error.strerror or error}).\n")
                continue
            if options["json"]:
                self.stdout.write(json.dumps(found, ensure_ascii=False))
            else:
                self.stdout.write(_readable(found))
        if failed:
            sys.exit(1)


def _readable(found: dict) -> str:
    event = found.get("event") or {}
    period = event.get("period") or {}
    lines = [
        f"== {found.get('file')}",
        f"Tiêu đề:    {found.get('title') or '—'}",
        f"Ngày đăng:  {found.get('published') or '—'}",
        f"Sự kiện:    {event.get('kind')} · {event.get('date') or '—'} · kỳ {period.get('part') or '—'}/"
        f"{period.get('year') or '—'}",
        f"Tổ chức:    {event.get('organizer') or '—'} · tại {event.get('location') or '—'}",
        f"Chủ trì:    {event.get('chair') or '—'}",
    ]
    for doc in found.get("documents") or []:
        extra = ", ".join(x for x in (doc.get("date"), doc.get("issued_by")) if x)
        lines.append(f"Văn bản:    {doc['number']}" + (f" ({extra})" if extra else ""))
    for task in found.get("tasks") or []:
        lines.append(f"Nhiệm vụ:   {task[:100]}")
    return "\n".join(lines)
