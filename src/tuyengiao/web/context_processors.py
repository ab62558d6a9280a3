from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def navigation(request):
    """The main menu, by role: each item is (label, url, url-name prefix for the active state)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [
        (_("Trang chủ"), reverse("web:home"), "web:home"),
        (_("Báo cáo"), reverse("reporting:due"), "reporting:"),
        (_("Hội nghị"), reverse("meetings:list"), "meetings:"),
        (_("Nhiệm vụ"), reverse("tasks:mine"), "tasks:"),
        (pgettext("menu", "Văn bản"), reverse("documents:list"), "documents:"),
        (_("Lịch"), reverse("workcalendar:index"), "workcalendar:"),
        (_("Tổ chức"), reverse("orgs:tree"), "orgs:tree"),
        (_("Cụm thi đua"), reverse("orgs:clusters"), "orgs:cluster"),
    ]
    if user.can_manage_subtree:
        items.append((_("Sáp nhập"), reverse("orgs:merge"), "orgs:merge"))
    if user.can_manage_accounts:
        items.append((_("Người dùng"), reverse("accounts:users"), "accounts:user"))
    if user.is_system_admin:
        items.append((_("Quản trị"), reverse("admin:index"), "admin:"))
    match = getattr(request, "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match and match.namespace else ""
    return {"nav_items": [(label, url, current.startswith(prefix)) for label, url, prefix in items]}
