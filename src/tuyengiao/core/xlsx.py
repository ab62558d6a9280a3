"""Writing spreadsheet rows safely: what users typed stays text.

A unit name or a title that starts with "=" must not become a formula, and control characters that
XLSX cannot hold are dropped rather than failing the whole download.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE


def clean(value):
    """A cell value as XLSX can hold it: empty text is no value, illegal characters are removed."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def append_row(sheet, values) -> None:
    """sheet.append, with every text kept as text."""
    sheet.append([clean(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def response(content: bytes, filename: str):
    """A spreadsheet to download under `filename`."""
    from django.http import HttpResponse

    download = HttpResponse(content, content_type=MIME)
    download["Content-Disposition"] = f'attachment; filename="{filename}"'
    return download
