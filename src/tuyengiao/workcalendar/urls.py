from django.urls import path

from tuyengiao.workcalendar import views

app_name = "workcalendar"
urlpatterns = [
    path("", views.month_view, name="index"),
    path("<int:year>/<int:month>/", views.month_view, name="month"),
    path("tuan/<int:year>/<int:week>/", views.week_view, name="week"),
    path("lich.ics", views.ics, name="ics"),
    path("dang-ky/<str:token>.ics", views.feed, name="feed"),
]
