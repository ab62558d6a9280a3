from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

admin.site.site_header = "Tuyên giáo — Quản trị"
admin.site.site_title = "Tuyên giáo"

urlpatterns = [
    path("", include("tuyengiao.web.urls")),
    path("tai-khoan/", include("tuyengiao.accounts.urls")),
    path("to-chuc/", include("tuyengiao.orgs.urls")),
    path("bao-cao/", include("tuyengiao.reporting.urls")),
    path("nhiem-vu/", include("tuyengiao.tasks.urls")),
    path("lich/", include("tuyengiao.workcalendar.urls")),
    path("hoi-nghi/", include("tuyengiao.meetings.urls")),
    path("van-ban/", include("tuyengiao.documents.urls")),
    path("ngon-ngu/", login_not_required(set_language), name="set_language"),
    path("quan-tri/", admin.site.urls),
]

handler400 = "tuyengiao.web.errors.bad_request"
handler403 = "tuyengiao.web.errors.permission_denied"
handler404 = "tuyengiao.web.errors.page_not_found"
handler500 = "tuyengiao.web.errors.server_error"
