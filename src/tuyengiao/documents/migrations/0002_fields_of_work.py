"""The fields of work (lĩnh vực) of a propaganda and education commission."""

from django.db import migrations

FIELDS = [
    ("tuyen-truyen", "Tuyên truyền"),
    ("bao-chi-xuat-ban", "Báo chí, xuất bản"),
    ("khoa-giao", "Khoa giáo"),
    ("van-hoa-van-nghe", "Văn hóa, văn nghệ"),
    ("ly-luan-chinh-tri", "Lý luận chính trị"),
    ("lich-su-dang", "Lịch sử Đảng"),
    ("du-luan-xa-hoi", "Dư luận xã hội"),
    ("hoc-tap-lam-theo-bac", "Học tập và làm theo Bác"),
    ("bao-ve-nen-tang", "Bảo vệ nền tảng tư tưởng"),
    ("dan-van", "Dân vận"),
    ("xay-dung-dang", "Xây dựng Đảng"),
]


def load(apps, schema_editor):
    FieldOfWork = apps.get_model("documents", "FieldOfWork")
    for code, name in FIELDS:
        FieldOfWork.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
