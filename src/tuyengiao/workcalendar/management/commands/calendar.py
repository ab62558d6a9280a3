import sys

from django.utils import timezone

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import date_arg, fail
from tuyengiao.orgs.cli import resolve_unit
from tuyengiao.workcalendar import agenda


class Command(BaseCommand):
    help = (
        "Lịch công tác của một đơn vị (hội nghị và hạn nhiệm vụ) trong một khoảng ngày; --ics: tệp iCalendar."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="tên hoặc mã đơn vị")
        parser.add_argument(
            "--from", dest="start", required=True, help="từ ngày (dd/mm/yyyy hoặc YYYY-MM-DD)"
        )
        parser.add_argument("--to", dest="end", required=True, help="đến ngày")
        parser.add_argument("--ics", action="store_true", help="in ra định dạng iCalendar (.ics)")
        parser.add_argument("-o", "--output", help="ghi ra tệp thay vì màn hình")

    def handle(self, *args, **options):
        start, end = date_arg(options["start"]), date_arg(options["end"])
        if end < start:
            fail("Ngày kết thúc phải sau ngày bắt đầu.")
        if (end - start).days > 3660:
            fail("Chỉ xuất lịch tối đa 10 năm mỗi lần.")
        unit = resolve_unit(options["unit"], on=min(end, timezone.localdate()))
        rows = agenda.entries(unit, start, end)
        if options["ics"]:
            data = agenda.to_ics(unit, rows)
        else:
            data = (
                "\n".join(
                    f"{row.day:%d/%m/%Y}  {_time(row)}  {row.title}" + (" (đã hủy)" if row.cancelled else "")
                    for row in rows
                ).encode()
                + b"\n"
            )
        if options["output"]:
            with open(options["output"], "wb") as out:
                out.write(data)
            self.stdout.write(f"{len(rows)} mục → {options['output']}")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()


def _time(row) -> str:
    if row.kind == "deadline":
        return "hạn  "
    return row.start.astimezone(agenda.VN).strftime("%H:%M")
