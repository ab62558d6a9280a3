from django.urls import path

from tuyengiao.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("<int:pk>/con/", views.unit_children, name="children"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("sap-nhap/", views.merge, name="merge"),
    path("cum-thi-dua/", views.clusters, name="clusters"),
    path("cum-thi-dua/tao/", views.cluster_create, name="cluster_create"),
    path("cum-thi-dua/<int:pk>/", views.cluster_detail, name="cluster"),
]
