import io

import pytest

from tests.orgs.test_commands import run
from tuyengiao.core.progress import Progress


def test_export_report_writes_a_docx_with_the_totals(world, first_half_2024, capsys, tmp_path):
    import docx

    target = tmp_path / "an.docx"
    code, out, err = run(
        capsys,
        "export-report",
        "--unit",
        "Tỉnh An",
        "--period",
        "2024-H1",
        "--format",
        "docx",
        "-o",
        str(target),
        "--submitted",
    )
    assert code == 0 and "3/3 đơn vị đã nộp" in out
    figures = next(t for t in docx.Document(str(target)).tables if t.rows[0].cells[0].text.strip() == "STT")
    assert {row.cells[1].text: row.cells[4].text for row in figures.rows[1:]}["A01"] == "36"


def test_export_report_writes_an_xlsx_and_reads_vietnamese_period_labels(
    world, first_half_2024, capsys, tmp_path
):
    from openpyxl import load_workbook

    target = tmp_path / "an.xlsx"
    code, _out, _err = run(
        capsys,
        "export-report",
        "--unit",
        "tinh an",
        "--period",
        "6 tháng đầu năm 2024",
        "--format",
        "xlsx",
        "-o",
        str(target),
        "--submitted",
    )
    assert code == 0
    rows = {r[0]: r[3] for r in load_workbook(target)["Tổng hợp"].iter_rows(min_row=5, values_only=True)}
    assert rows["A01"] == 36


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "Tỉnh An", "--period", "2024-H3"], "Nửa năm phải là 1"),
        (["--unit", "Tỉnh Không Có", "--period", "2024-H1"], "Không tìm thấy đơn vị"),
        (["--unit", "Tỉnh An", "--period", "2019"], "hãy chỉ rõ --template"),
    ],
)
def test_export_report_bad_input_is_one_line_and_exit_2(world, capsys, tmp_path, argv, message):
    code, out, err = run(capsys, "export-report", *argv, "-o", str(tmp_path / "x.docx"))
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.docx").exists()


def test_the_progress_bar_waits_a_second_before_showing():
    quiet, shown = io.StringIO(), io.StringIO()
    Progress(quiet, delay=60).update(0.5, "x")
    bar = Progress(shown, delay=0)
    bar.update(0.5, "Đang tổng hợp")
    bar.close()
    assert quiet.getvalue() == ""
    assert "[###############...............]  50% Đang tổng hợp" in shown.getvalue()
