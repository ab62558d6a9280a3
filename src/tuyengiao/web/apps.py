from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tuyengiao.web"
    verbose_name = "Giao diện"
