import time

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import fail
from tuyengiao.reporting import rollups
from tuyengiao.reporting.models import ReportTemplate


class Command(BaseCommand):
    help = (
        "Tính lại số liệu cộng dồn dùng cho tổng hợp báo cáo, từ các báo cáo đã duyệt "
        "(sau khi nạp dữ liệu hàng loạt, hoặc để sửa khi nghi sai lệch)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--template", help="chỉ tính lại cho một mã mẫu báo cáo (mặc định: tất cả)")

    def handle(self, *args, **options):
        code = options["template"]
        if code is not None:
            code = code.strip().upper()
            if not ReportTemplate.objects.filter(code=code).exists():
                fail(f"Không có mẫu báo cáo mã “{code}”.")
        start = time.perf_counter()
        rows = rollups.rebuild(code)
        seconds = time.perf_counter() - start
        scope = f"mẫu {code}" if code else "mọi mẫu"
        self.stdout.write(f"Đã tính lại số liệu cộng dồn ({scope}): {rows} dòng, {seconds:.1f} giây.")
