from django import template
from django.utils.translation import gettext as _

from tuyengiao.core.dates import BEGINNING, FOREVER, format_date

register = template.Library()


@register.filter
def vdate(value, open_end: str = ""):
    """dd/mm/yyyy; an open start prints "…", an open end prints "nay" (now) unless told otherwise."""
    if value == FOREVER:
        return open_end or _("nay")
    if value == BEGINNING:
        return "…"
    return format_date(value)
