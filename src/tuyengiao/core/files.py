"""Files people attach (slides, minutes, evidence): checked on the way in, served only through views
that check who may see them (never from a public /media/ folder)."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404

ALLOWED = {
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".jpg",
    ".jpeg",
    ".png",
    ".txt",
}


def check_upload(upload) -> None:
    """A clear Vietnamese refusal for a file of the wrong kind or too big."""
    if upload is None:
        return
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError(
            f"Không nhận tệp “{upload.name}”: chỉ nhận {', '.join(sorted(s.lstrip('.') for s in ALLOWED))}."
        )
    limit = settings.UPLOAD_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(f"Tệp “{upload.name}” lớn quá {settings.UPLOAD_MAX_MB} MB.")


def download(field_file, name: str = "") -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=name or Path(field_file.name).name)
