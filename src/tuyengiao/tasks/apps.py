from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tuyengiao.tasks"
    verbose_name = "Nhiệm vụ"
