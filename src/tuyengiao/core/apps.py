from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tuyengiao.core"
    verbose_name = "Nền tảng"
