from tuyengiao import demo
from tuyengiao.accounts.models import Role
from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.core.cli import fail
from tuyengiao.orgs.models import OrgUnit


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: dữ liệu tham chiếu toàn quốc, tỉnh Thái Nguyên trước và sau 01/07/2025, người dùng mẫu."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="chỉ nạp khi cơ sở dữ liệu còn trống")

    def handle(self, *args, **options):
        if OrgUnit.objects.exists():
            if not options["if_empty"]:
                fail("Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.")
            self.stdout.write("Dữ liệu đã có sẵn, không nạp lại dữ liệu mẫu.")
        else:
            demo.build()
            self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu: {OrgUnit.objects.count()} đơn vị."))
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {demo.DEMO_PASSWORD}):")
        roles = dict(Role.choices)
        for login in demo.logins():
            self.stdout.write(f"  {login.username:<15} {roles[login.role]:<26} {login.unit}")
