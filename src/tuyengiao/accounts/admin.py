from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.accounts.models import User


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "unit", "roles", "is_active"]
    list_select_related = ["unit"]
    search_fields = ["username", "first_name", "last_name", "email"]
    autocomplete_fields = ["unit"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Tuyên giáo", {"fields": ["unit", "roles", "title", "phone"]})]
