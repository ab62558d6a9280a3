"""The extractor: one article (text or file) in, the structured summary of the extract schema out.

{"file", "title", "published", "event": {"kind", "date", "period", "organizer", "location", "chair"},
 "documents": [{"number", "type", "issuer", "date", "issued_by"}], "tasks": [...] | None}
"""

import json
from pathlib import Path

from tuyengiao.textmining import convert
from tuyengiao.textmining.clutter import split_article
from tuyengiao.textmining.event import find_event
from tuyengiao.textmining.normalize import normalize
from tuyengiao.textmining.references import find_references, unique_references
from tuyengiao.textmining.tasks import find_tasks


def extract_text(text: str, *, file: str | None = None) -> dict:
    """The extract-schema dict of an article's text (page clutter allowed); never raises."""
    article = split_article(normalize(text or ""))
    scanned = f"{article.title}\n{article.body}" if article.title else article.body
    documents = [
        {
            "number": ref.number,
            "type": ref.type,
            "issuer": ref.issuer,
            "date": ref.date.isoformat() if ref.date else None,
            "issued_by": ref.issued_by,
        }
        for ref in unique_references(find_references(scanned, article.published))
    ]
    return {
        "file": file,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "event": find_event(article),
        "documents": documents,
        "tasks": find_tasks(article.body),
    }


def extract_file(path: str | Path) -> dict:
    """extract_text of a .txt, .html/.htm or .docx file; raises ConversionError (Vietnamese reason)."""
    path = Path(path)
    return extract_text(convert.read(path), file=path.name)


def to_json(data: dict, *, indent: int | None = 2) -> str:
    """The dict as JSON, Vietnamese kept readable (no \\u escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)
