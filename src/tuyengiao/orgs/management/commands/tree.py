import json

from django.utils import timezone

from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import date_arg, fail
from tuyengiao.orgs import queries, reference
from tuyengiao.orgs.cli import resolve_unit


class Command(BaseCommand):
    help = "In cây tổ chức tại một ngày (mặc định hôm nay)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", type=str, help="ngày, dạng YYYY-MM-DD hoặc dd/mm/yyyy")
        parser.add_argument("--root", help="tên hoặc mã đơn vị gốc (mặc định: Trung ương)")
        parser.add_argument("--depth", type=int, help="số cấp in ra dưới đơn vị gốc")
        parser.add_argument("--json", action="store_true", help="in JSON lồng nhau")

    def handle(self, *args, **options):
        day = date_arg(options["as_of"]) if options["as_of"] else timezone.localdate()
        depth = options["depth"]
        if depth is not None and depth < 0:
            fail("--depth phải là số không âm.")
        if options["root"]:
            root = resolve_unit(options["root"], on=day)
        else:
            root = reference.centre() or fail("Chưa có dữ liệu tổ chức: hãy chạy “tuyengiao load-provinces”.")
        node = queries.tree(root, day, depth)
        if options["json"]:
            self.stdout.write(json.dumps(node.as_dict(), ensure_ascii=False, indent=2))
            return
        self._print(node)

    def _print(self, node, indent=0):
        unit = node.unit
        dates = unit.validity_label
        suffix = f" [{dates}]" if dates else ""
        count = f" ({len(node.children)})" if node.children else ""
        self.stdout.write(f"{'  ' * indent}{unit.name} · {unit.get_kind_display()}{count}{suffix}")
        for child in node.children:
            self._print(child, indent + 1)
