"""Error pages in Vietnamese (and English), never a traceback."""

from django.shortcuts import render
from django.utils.translation import gettext as _


def _page(request, status, title, message):
    return render(request, "error.html", {"title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, _("Yêu cầu không hợp lệ"), _("Dữ liệu gửi lên không hợp lệ."))


def permission_denied(request, exception=None):
    detail = (
        str(exception) if exception and str(exception) else _("Bạn không có quyền xem hoặc sửa nội dung này.")
    )
    return _page(request, 403, _("Không có quyền truy cập"), detail)


def page_not_found(request, exception=None):
    return _page(
        request,
        404,
        _("Không tìm thấy trang"),
        _("Trang này không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn."),
    )


def server_error(request):
    # No template context processors that touch the database: the error may be the database.
    from django.http import HttpResponseServerError

    return HttpResponseServerError(
        "<!doctype html><meta charset='utf-8'><title>Lỗi hệ thống</title>"
        "<h1>Lỗi hệ thống</h1><p>Đã có lỗi xảy ra; quản trị hệ thống đã được ghi nhận. Vui lòng thử lại sau.</p>"
    )


def csrf_failure(request, reason=""):
    return _page(
        request,
        403,
        _("Phiên làm việc đã hết hạn"),
        _("Biểu mẫu đã quá hạn hoặc thiếu mã bảo vệ. Hãy tải lại trang rồi gửi lại."),
    )
