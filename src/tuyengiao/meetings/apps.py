from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "tuyengiao.meetings"
    verbose_name = "Hội nghị"
