from pathlib import Path

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import fail
from tuyengiao.core.progress import Progress
from tuyengiao.orgs.cli import resolve_unit
from tuyengiao.reporting import consolidation, docx_export, exports
from tuyengiao.reporting.models import Assignment
from tuyengiao.reporting.periods import PeriodParseError, parse_period


class Command(BaseCommand):
    help = "Xuất báo cáo tổng hợp của một đơn vị cho một kỳ, dạng DOCX (thể thức văn bản của Đảng) hoặc XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="tên hoặc mã đơn vị")
        parser.add_argument(
            "--period",
            required=True,
            help="2026-M04, 2026-Q2, 2026-H1, 2026-9M, 2026, hoặc “6 tháng đầu năm 2026”",
        )
        parser.add_argument("--format", choices=["docx", "xlsx"], default="docx")
        parser.add_argument("-o", "--output", required=True, help="tệp ghi ra")
        parser.add_argument("--template", help="mã mẫu báo cáo (mặc định: mẫu đơn vị đã giao gần nhất)")
        parser.add_argument("--submitted", action="store_true", help="tính cả báo cáo đã gửi, chưa duyệt")

    def handle(self, *args, **options):
        try:
            period = parse_period(options["period"])
        except PeriodParseError as error:
            fail(str(error))
        unit = resolve_unit(options["unit"], on=period.end)
        code = options["template"] or self._template_code(unit, period)
        progress = Progress()
        progress.update(0.05, "Đang tổng hợp số liệu…")
        statuses = consolidation.SUBMITTED_TOO if options["submitted"] else consolidation.ACCEPTED_ONLY
        result = consolidation.consolidate(unit, period, code, statuses=statuses)
        progress.update(0.6, "Đang tạo tệp…")
        if options["format"] == "xlsx":
            content = exports.consolidation_xlsx(result)
        else:
            content = docx_export.render_docx(exports.consolidation_document(result))
        progress.update(0.9, "Đang ghi tệp…")
        output = Path(options["output"])
        try:
            output.write_bytes(content)
        except OSError as error:
            fail(f"Không ghi được tệp “{output}”: {error.strerror}.")
        progress.update(1.0, "Xong.")
        progress.close()
        self.stdout.write(f"{output}: {result.unit} · {period.label} · {result.coverage_label}")

    def _template_code(self, unit, period) -> str:
        from tuyengiao.orgs import queries

        sources = [unit.pk, *queries.predecessor_ids(unit.pk)]
        assignment = (
            Assignment.objects.filter(period_start__gte=period.start, period_end__lte=period.end)
            .filter(assigner_id__in=sources)
            .select_related("template")
            .order_by("-period_end")
            .first()
            or Assignment.objects.filter(period_start__gte=period.start, period_end__lte=period.end)
            .select_related("template")
            .order_by("-period_end")
            .first()
        )
        if assignment is None:
            fail(f"Không có báo cáo nào trong {period.label}; hãy chỉ rõ --template MÃ.")
        return assignment.template.code
