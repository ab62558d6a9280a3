from django.urls import path

from tuyengiao.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.due, name="due"),
    path("<int:pk>/", views.entry, name="entry"),
    path("<int:pk>/luu-tu-dong/", views.autosave, name="autosave"),
    path("<int:pk>/gui/", views.send, name="send"),
    path("<int:pk>/duyet/", views.accept, name="accept"),
    path("<int:pk>/tra-lai/", views.return_, name="return"),
    path("<int:pk>/mo-lai/", views.reopen, name="reopen"),
    path("dot/tao/", views.assignment_create, name="assignment_create"),
    path("dot/<int:pk>/", views.assignment_detail, name="assignment"),
    path("dot/<int:pk>/excel/", views.assignment_xlsx, name="assignment_xlsx"),
    path("mau/", views.templates, name="templates"),
    path("mau/<int:pk>/", views.template_detail, name="template"),
]
