from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.orgs.reference import REFORM_DATE, load_provinces


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu tham chiếu: Trung ương, 63 tỉnh (đến 30/06/2025), 34 tỉnh (từ 01/07/2025) và sáp nhập."
    )

    def handle(self, *args, **options):
        _root, created = load_provinces()
        provinces = OrgUnit.objects.filter(kind=UnitKind.PROVINCE)
        before = provinces.valid_on(REFORM_DATE.replace(day=30, month=6)).count()
        after = provinces.valid_on(REFORM_DATE).count()
        verb = "Đã nạp" if created else "Dữ liệu đã có sẵn"
        self.stdout.write(f"{verb}: {before} tỉnh, thành phố đến 30/06/2025; {after} từ 01/07/2025.")
