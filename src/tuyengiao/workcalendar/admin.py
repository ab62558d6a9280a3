from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.workcalendar.models import CommemorativeDay


@admin.register(CommemorativeDay)
class CommemorativeDayAdmin(SimpleHistoryAdmin):
    """The national days come with the system; system admins add local ones (a province's liberation day)."""

    list_display = ["name", "date_label", "calendar", "origin_year", "importance", "code"]
    list_filter = ["calendar", "importance", "month"]
    search_fields = ["name", "code"]
    ordering = ["month", "day", "name"]
    fields = ["name", "code", "calendar", "day", "month", "origin_year", "importance"]

    @admin.display(description=_("ngày/tháng"), ordering="month")
    def date_label(self, obj):
        return obj.day_month_label
