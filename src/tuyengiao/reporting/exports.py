"""Files made from a consolidation: XLSX (values and the per-unit breakdown) and DOCX (Party format)."""

import io

from django.utils import timezone

from tuyengiao.core.xlsx import append_row
from tuyengiao.reporting.consolidation import Consolidation
from tuyengiao.reporting.values import display, format_number


def consolidation_xlsx(result: Consolidation) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    append_row(summary, [f"Tổng hợp {result.template_code} — {result.unit} — {result.period.label}"])
    append_row(summary, [result.coverage_label])
    append_row(summary, [])
    append_row(summary, ["Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Số đơn vị có số liệu"])
    header_row = summary.max_row
    for indicator in result.indicators:
        total = result.totals.get(indicator.code)
        append_row(
            summary,
            [
                indicator.code,
                indicator.name,
                indicator.unit_of_measure,
                float(total) if total is not None else None,
                result.reporting.get(indicator.code, 0),
            ],
        )
    breakdown = book.create_sheet("Theo đơn vị")
    codes = [indicator.code for indicator in result.indicators]
    append_row(breakdown, ["Đơn vị", "Mã đơn vị", "Đã nộp", *codes])
    for unit in result.units:
        values = result.per_unit.get(unit.pk, {})
        append_row(
            breakdown,
            [
                unit.name,
                unit.code,
                "Có" if unit.pk in result.submitted_unit_ids else "Chưa",
                *[float(values[c]) if values.get(c) is not None else None for c in codes],
            ],
        )
    for sheet, row in ((summary, header_row), (breakdown, 1)):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
        sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    summary.column_dimensions["B"].width = 48
    breakdown.column_dimensions["A"].width = 32
    for column in ("D",):
        for cell in summary[column][header_row:]:
            cell.number_format = "#,##0.##"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def consolidation_document(
    result: Consolidation, *, issuing_body: str = "", parent_body: str = "", place: str = "", signer: str = ""
):
    """The consolidated report as a Party-format document: sections to write, the figures, the annex."""
    from tuyengiao.reporting.docx_export import IndicatorLine, ReportDocument

    unit = result.unit
    place = place or unit.name.removeprefix("Tỉnh ").removeprefix("Xã ").removeprefix("Phường ")
    lines = [
        IndicatorLine(
            code=i.code,
            name=i.name,
            unit_of_measure=i.unit_of_measure,
            value=format_number(result.totals.get(i.code)) if result.totals.get(i.code) is not None else "—",
        )
        for i in result.indicators
    ]
    annex = [
        (f"{title} — {unit_label}", text)
        for title, entries in result.narratives
        for unit_label, text in entries
    ]
    return ReportDocument(
        parent_body=(parent_body or (unit.official_name or f"Đảng bộ {unit.name}")).upper(),
        issuing_body=(issuing_body or "Ban Tuyên giáo và Dân vận").upper(),
        number="Số      -BC/BTGDV",
        place=place,
        date=timezone.localdate(),
        subject=f"Kết quả công tác tuyên giáo {result.period.label[0].lower()}{result.period.label[1:]}",
        sections=[
            (f"{s.code}. {s.title}", "(Tổng hợp từ báo cáo của các đơn vị: xem Phụ lục.)")
            for s in result.sections
        ],
        indicators=lines,
        coverage=result.coverage_label,
        recipients=["- Cấp ủy cấp trên,", "- Lưu."],
        signer=signer,
        annex=annex,
    )


def submission_document(submission):
    """A unit's own report as a Party-format document: its texts, its figures beside last year's."""
    from tuyengiao.reporting import services
    from tuyengiao.reporting.docx_export import IndicatorLine, ReportDocument

    assignment = submission.assignment
    template = assignment.template
    unit = submission.unit
    values = services.current_values(submission)
    last_year = services.previous_values(submission, same_period_last_year=True)
    texts = {n.section_id: n.text for n in submission.narratives.all()}

    lines = [
        IndicatorLine(
            code=i.code,
            name=i.name,
            unit_of_measure=i.unit_of_measure,
            value=display(values.get(i.code)) or "—",
            previous=display(last_year.get(i.code)),
        )
        for i in template.indicators.all()
    ]
    annex = [(title, text) for title, text in _annex_parts(submission.annex)]
    place = unit.name
    for prefix in ("Tỉnh ", "Xã ", "Phường ", "Thành phố ", "Huyện "):
        place = place.removeprefix(prefix)
    label = assignment.period_label
    return ReportDocument(
        parent_body=(unit.official_name or f"Đảng bộ {unit.name}").upper(),
        issuing_body="BAN TUYÊN GIÁO VÀ DÂN VẬN" if unit.kind == "province" else "BAN CHẤP HÀNH ĐẢNG BỘ",
        number="Số      -BC",
        place=place,
        date=timezone.localdate(submission.submitted_at) if submission.submitted_at else timezone.localdate(),
        subject=f"{template.name} — {label[0].lower()}{label[1:]}",
        sections=[(f"{s.code}. {s.title}", texts.get(s.pk, "")) for s in template.sections.all()],
        indicators=lines,
        previous_label=assignment.period.same_period_last_year().label
        if any(line.previous for line in lines)
        else "",
        recipients=[f"- {assignment.assigner} (báo cáo),", "- Lưu."],
        signature_role="T/M BAN THƯỜNG VỤ" if unit.kind == "province" else "T/M ĐẢNG ỦY",
        annex=annex,
    )


def _annex_parts(annex: str) -> list[tuple[str, str]]:
    """The compiled annex text (see services.seed_from_below) as (heading, text) parts."""
    parts = []
    for block in (annex or "").split("\n\n"):
        heading, _, body = block.strip().partition("\n")
        if heading:
            parts.append((heading, body))
    return parts
