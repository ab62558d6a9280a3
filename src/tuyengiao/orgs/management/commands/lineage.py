import json

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.dates import format_date
from tuyengiao.orgs import queries
from tuyengiao.orgs.cli import resolve_unit


class Command(BaseCommand):
    help = "In các đơn vị tiền thân và kế thừa của một đơn vị (sáp nhập, chia tách, đổi tên, điều chuyển)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="tên hoặc mã đơn vị")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        unit = resolve_unit(options["name"])
        steps = queries.lineage(unit)
        if options["json"]:
            data = [
                {
                    "kind": s.kind,
                    "date": s.date.isoformat(),
                    "from": [u.name for u in s.sources],
                    "to": [u.name for u in s.targets],
                }
                for s in steps
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not steps:
            self.stdout.write(f"{unit.name}: không có biến động.")
        for s in steps:
            sources = ", ".join(u.name for u in s.sources)
            targets = ", ".join(u.name for u in s.targets)
            self.stdout.write(f"{format_date(s.date)}  {s.kind_label}: {sources} → {targets}")
