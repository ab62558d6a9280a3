from django.urls import path

from tuyengiao.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("<int:pk>/con/", views.unit_children, name="children"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:pk>/them-don-vi/", views.unit_add_child, name="unit_add_child"),
    path("<int:pk>/ket-thuc/", views.unit_end, name="unit_end"),
    path("<int:pk>/dieu-chuyen/", views.unit_transfer, name="unit_transfer"),
    path("sap-nhap/", views.merge, name="merge"),
    path("cum-thi-dua/", views.clusters, name="clusters"),
    path("cum-thi-dua/tao/", views.cluster_create, name="cluster_create"),
    path("cum-thi-dua/<int:pk>/", views.cluster_detail, name="cluster"),
    path("cum-thi-dua/<int:pk>/them/", views.cluster_member_add, name="cluster_member_add"),
    path(
        "cum-thi-dua/<int:pk>/thanh-vien/<int:member_pk>/ket-thuc/",
        views.cluster_member_end,
        name="cluster_member_end",
    ),
]
