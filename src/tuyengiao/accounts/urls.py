from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from tuyengiao.accounts import views
from tuyengiao.accounts.forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path("nguoi-dung/", views.user_list, name="users"),
    path("nguoi-dung/tao/", views.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", views.user_detail, name="user"),
    path("nguoi-dung/<int:pk>/sua/", views.user_edit, name="user_edit"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/message.html", extra_context={"title": "Đã đổi mật khẩu"}
        ),
        name="password_change_done",
    ),
    path(
        "quen-mat-khau/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/message.html", extra_context={"title": "Đã gửi thư đặt lại mật khẩu"}
        ),
        name="password_reset_done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/message.html", extra_context={"title": "Đã đặt lại mật khẩu"}
        ),
        name="password_reset_complete",
    ),
]
