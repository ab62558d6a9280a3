from django.utils import timezone

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import date_arg
from tuyengiao.reporting import services


class Command(BaseCommand):
    help = "Giao báo cáo theo các lịch định kỳ cho kỳ hiện tại (chạy hằng ngày; không giao trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày chạy (mặc định hôm nay), dạng YYYY-MM-DD hoặc dd/mm/yyyy")

    def handle(self, *args, **options):
        today = date_arg(options["date"]) if options["date"] else timezone.localdate()
        created = services.run_schedules(today)
        for assignment in created:
            self.stdout.write(
                f"{assignment.assigner} · {assignment} · hạn {assignment.deadline:%d/%m/%Y} · "
                f"{assignment.submissions.count()} đơn vị"
            )
        self.stdout.write(f"created {len(created)}")
