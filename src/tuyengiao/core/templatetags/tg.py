import uuid

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


@register.simple_tag(takes_context=True)
def form_token(context):
    """The one-time token of a form that creates something (see core.once): kept across a refused send."""
    from django.utils.html import format_html

    from tuyengiao.core.once import FIELD, token_from

    request = context.get("request")
    token = token_from(request) if request is not None and request.method == "POST" else None
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token or uuid.uuid4())


@register.filter
def vnum(value):
    """A number in Vietnamese notation (1.890; 12,5); empty stays empty."""
    from tuyengiao.reporting.values import format_number

    return "" if value is None or value == "" else format_number(value)
