"""Task lists as spreadsheets (XLSX) and CSV, in Vietnamese, dates dd/mm/yyyy."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from tuyengiao.core.xlsx import append_row

HEADERS = ["Nhiệm vụ", "Đơn vị giao", "Đơn vị thực hiện", "Ngày giao", "Hạn", "Tiến độ (%)", "Trạng thái"]


def rows(tasks):
    for task in tasks:
        yield [
            task.title,
            str(task.assigner),
            str(task.assignee),
            task.given_on.strftime("%d/%m/%Y"),
            task.deadline.strftime("%d/%m/%Y"),
            task.progress,
            task.display_status,
        ]


def to_xlsx(tasks, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(tasks):
        append_row(sheet, row)
    for column, width in zip("ABCDEFG", (60, 28, 28, 12, 12, 12, 16), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(tasks) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows(tasks))
    return "\ufeff" + out.getvalue()  # the BOM lets Excel read the Vietnamese letters
