from django.urls import path

from tuyengiao.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("da-giao/", views.assigned, name="assigned"),
    path("qua-han/", views.overdue, name="overdue"),
    path("giao/", views.create, name="create"),
    path("xuat/<slug:which>.<str:fmt>", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tep/<int:update_pk>/", views.update_file, name="update_file"),
]
