from django.urls import path

from tuyengiao.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("them/", views.document_create, name="create"),
    path("nhap-bai-viet/", views.imports, name="imports"),
    path("nhap-bai-viet/<int:pk>/", views.import_detail, name="import_detail"),
    path("nhap-bai-viet/<int:pk>/xac-nhan/", views.import_confirm, name="import_confirm"),
    path("nhap-bai-viet/<int:pk>/bo/", views.import_discard, name="import_discard"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/sua/", views.document_edit, name="edit"),
    path("<int:pk>/quan-he/", views.relate, name="relate"),
    path("<int:pk>/quan-he/<int:relation_pk>/bo/", views.unrelate, name="unrelate"),
    path("<int:pk>/ten-goi/", views.add_alias, name="alias"),
    path("<int:pk>/tep/", views.upload, name="upload"),
    path("<int:pk>/tep/<int:file_pk>/", views.file, name="file"),
    path("<int:pk>/thuc-hien/", views.tracking, name="tracking"),
    path("<int:pk>/thuc-hien/mau/", views.presets, name="presets"),
    path("<int:pk>/thuc-hien/tai-xlsx/", views.tracking_xlsx, name="tracking_xlsx"),
    path("<int:pk>/thuc-hien/<int:action_pk>/giao/", views.give, name="give"),
]
