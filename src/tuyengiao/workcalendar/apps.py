from django.apps import AppConfig


class WorkCalendarConfig(AppConfig):
    name = "tuyengiao.workcalendar"
    verbose_name = "Lịch công tác"
