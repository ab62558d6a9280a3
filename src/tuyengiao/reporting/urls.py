from django.urls import path

from tuyengiao.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.due, name="due"),
    path("<int:pk>/", views.entry, name="entry"),
    path("<int:pk>/luu-tu-dong/", views.autosave, name="autosave"),
    path("<int:pk>/tai-ve.docx", views.entry_docx, name="entry_docx"),
    path("<int:pk>/gui/", views.send, name="send"),
    path("<int:pk>/dien-san/<slug:source>/", views.prefill, name="prefill"),
    path("<int:pk>/duyet/", views.accept, name="accept"),
    path("<int:pk>/tra-lai/", views.return_, name="return"),
    path("<int:pk>/mo-lai/", views.reopen, name="reopen"),
    path("dot/tao/", views.assignment_create, name="assignment_create"),
    path("lich/", views.schedules, name="schedules"),
    path("dot/<int:pk>/", views.assignment_detail, name="assignment"),
    path("dot/<int:pk>/excel/", views.assignment_xlsx, name="assignment_xlsx"),
    path("tong-hop/", views.consolidated, name="consolidated"),
    path("tong-hop/tai-ve.<str:fmt>", views.consolidated_file, name="consolidated_file"),
    path("mau/", views.templates, name="templates"),
    path("mau/nhap/", views.template_import, name="template_import"),
    path("mau/<int:pk>/", views.template_detail, name="template"),
    path("mau/<int:pk>/excel/", views.template_xlsx, name="template_xlsx"),
    path("mau/<int:pk>/ap-dung/", views.template_publish, name="template_publish"),
]
