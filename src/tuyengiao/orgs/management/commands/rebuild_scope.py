from tuyengiao.core.cli import Command as BaseCommand
from tuyengiao.orgs import scope


class Command(BaseCommand):
    help = "Tính lại bảng phạm vi trách nhiệm (đơn vị nào quản lý đơn vị nào) từ cây tổ chức và biến động."

    def handle(self, *args, **options):
        rows = scope.rebuild()
        self.stdout.write(f"Đã tính lại phạm vi: {rows} cặp đơn vị.")
