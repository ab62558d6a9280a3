from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tuyengiao.accounts"
    verbose_name = "Tài khoản"
