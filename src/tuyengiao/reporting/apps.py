from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "tuyengiao.reporting"
    verbose_name = "Báo cáo định kỳ"
