"""Implementation tracking as a spreadsheet: what each unit has done of each action, for the leaders'
review ("sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW") and the annex of its report."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tuyengiao.core.dates import format_date
from tuyengiao.core.xlsx import append_row
from tuyengiao.documents.implementation import Matrix


def tracking_xlsx(document, matrix: Matrix) -> bytes:
    """Two sheets: the actions with their totals, and units × actions (status, progress, attendance)."""
    book = Workbook()
    summary = book.active
    summary.title = "Việc phải làm"
    append_row(summary, [f"Theo dõi thực hiện {document}"])
    summary["A1"].font = Font(bold=True, size=13)
    append_row(
        summary,
        [
            "Việc",
            "Hạn",
            "Đơn vị đặt ra",
            "Hoàn thành",
            "Phải thực hiện",
            "Chỉ tiêu tham gia (%)",
            "Tham gia (%)",
            "Đơn vị dưới chỉ tiêu",
        ],
    )
    _bold(summary[2])
    for column in matrix.columns:
        action = column.action
        append_row(
            summary,
            [
                action.title,
                format_date(action.due_on),
                str(action.unit),
                column.done if action.given else None,
                column.owing if action.given else None,
                action.target_percent,
                float(column.attendance) if column.attendance is not None else None,
                column.below_target if column.attendance is not None else None,
            ],
        )
    _widths(summary, (60, 12, 28, 12, 14, 20, 14, 20))

    grid = book.create_sheet("Đơn vị × việc")
    first, second = ["Đơn vị"], [None]
    for action in matrix.actions:
        parts = ["Trạng thái", "Tiến độ (%)"] + (
            ["Tham gia (%)"] if action.target_percent is not None else []
        )
        first += [action.title] + [None] * (len(parts) - 1)
        second += parts
    append_row(grid, first)
    append_row(grid, second)
    _bold(grid[1])
    _bold(grid[2])
    column = 2
    for action in matrix.actions:
        span = 3 if action.target_percent is not None else 2
        grid.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + span - 1)
        grid.cell(row=1, column=column).alignment = Alignment(wrap_text=True, vertical="top")
        column += span
    for unit, cells in matrix.rows:
        row = [str(unit)]
        for action, cell in zip(matrix.actions, cells, strict=True):
            row += [cell.label, cell.task.progress if cell.task is not None else None]
            if action.target_percent is not None:
                attendance = cell.task.attendance if cell.task is not None else None
                row.append(float(attendance) if attendance is not None else None)
        append_row(grid, row)
    grid.freeze_panes = "B3"
    grid.column_dimensions["A"].width = 30
    for index in range(2, column):
        grid.column_dimensions[get_column_letter(index)].width = 16
    grid.row_dimensions[1].height = 45
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _bold(row) -> None:
    for cell in row:
        cell.font = Font(bold=True)


def _widths(sheet, widths) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
