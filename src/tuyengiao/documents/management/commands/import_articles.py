"""`tuyengiao import-articles PATH... --unit NAME`: published articles become draft meeting records.

Files or folders (TXT, HTML, DOCX). Each file is imported alone: one that cannot be read is
reported and the others go on. A progress bar appears once the batch has taken a second.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import fail
from tuyengiao.core.progress import Progress
from tuyengiao.documents import importing
from tuyengiao.documents.management.commands.extract import expand
from tuyengiao.orgs.cli import resolve_unit


def _read(path: Path):
    try:
        return path.read_bytes()
    except OSError:
        return None


class Command(BaseCommand):
    help = "Nhập bài viết đã đăng (TXT, HTML, DOCX) thành bản nháp hội nghị của một đơn vị, chờ rà soát."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="tệp hoặc thư mục bài viết")
        parser.add_argument("--unit", required=True, help="đơn vị nhập (tên hoặc mã)")
        parser.add_argument("--user", help="tài khoản ghi nhận (e-mail); mặc định: không ghi tên")

    def handle(self, *args, **options):
        unit = resolve_unit(options["unit"], on=timezone.localdate())
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(email__iexact=options["user"]).first()
            if actor is None:
                fail(f"Không tìm thấy tài khoản “{options['user']}”.")
        paths = expand(options["paths"])
        if not paths:
            fail("Không có tệp bài viết nào (TXT, HTML, DOCX) trong đường dẫn đã cho.")
        bar = Progress()
        results = []
        for done, path in enumerate(paths, start=1):
            data = _read(path)
            if data is None:
                results.append(importing.FileResult(path.name, "error", f"Không đọc được tệp “{path}”."))
            else:
                results += importing.import_files(actor=actor, unit=unit, files=[(path.name, data)])
            bar.update(done / len(paths), path.name)
        bar.close()
        for result in results:
            mark = {"imported": "+", "duplicate": "=", "error": "!"}[result.status]
            self.stdout.write(f"{mark} {result.name}: {result.message}")
        counts = {s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "error")}
        self.stdout.write(
            f"{len(results)} tệp: {counts['imported']} bản nháp mới, {counts['duplicate']} trùng, "
            f"{counts['error']} lỗi."
        )
        if counts["error"]:
            raise SystemExit(1)
