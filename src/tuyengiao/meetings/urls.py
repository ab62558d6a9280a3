from django.urls import path

from tuyengiao.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("tao/", views.meeting_create, name="create"),
    path("dinh-ky/", views.series_create, name="series_create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/sua/", views.meeting_edit, name="edit"),
    path("<int:pk>/ket-luan/", views.conclusion, name="conclusion"),
    path("<int:pk>/giao-nhiem-vu/", views.make_tasks, name="make_tasks"),
    path("<int:pk>/xoa/", views.delete, name="delete"),
    path("<int:pk>/doi-lich/", views.move, name="move"),
    path("<int:pk>/huy/", views.cancel, name="cancel"),
    path("<int:pk>/tep/", views.upload, name="upload"),
    path("<int:pk>/tep/<int:file_pk>/", views.file, name="file"),
]
