from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    verbose_name = "Tổ chức"
