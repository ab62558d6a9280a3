from django.utils import timezone

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import date_arg
from tuyengiao.tasks.reminders import RULES, send_reminders


class Command(BaseCommand):
    help = (
        "Gửi e-mail nhắc hạn nhiệm vụ ("
        + ", ".join(f"{abs(d)} ngày {'trước' if d < 0 else 'sau'} hạn" for _r, d in RULES)
        + "); chạy nhiều lần trong ngày cũng không gửi trùng. Dòng cuối: “sent N”."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày chạy (mặc định hôm nay), dạng YYYY-MM-DD hoặc dd/mm/yyyy")

    def handle(self, *args, **options):
        today = date_arg(options["date"]) if options["date"] else timezone.localdate()
        self.stdout.write(f"sent {send_reminders(today)}")
