from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.orgs.models import (
    ClusterMembership,
    EmulationCluster,
    LineageEvent,
    LineageLink,
    OrgUnit,
    UnitLink,
)


class ParentLinkInline(admin.TabularInline):
    """Read-only: the tree changes through the merge wizard and the services, which keep history."""

    model = UnitLink
    fk_name = "child"
    extra = 0
    fields = ["parent", "valid_from", "valid_to"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "code", "valid_from", "valid_to"]
    readonly_fields = ["kind", "valid_from", "valid_to"]

    def has_add_permission(self, request):
        return False  # units are created through the services, which link and audit them

    list_filter = ["kind"]
    search_fields = ["name", "name_folded", "code", "official_name"]
    inlines = [ParentLinkInline]

    def has_delete_permission(self, request, obj=None):
        return False  # a unit with history is ended, never deleted


class LineageLinkInline(admin.TabularInline):
    model = LineageLink
    extra = 0
    fields = ["unit", "role"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LineageEvent)
class LineageEventAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "date", "legal_basis"]
    readonly_fields = ["kind", "date"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    list_filter = ["kind"]
    inlines = [LineageLinkInline]


class MembershipInline(admin.TabularInline):
    model = ClusterMembership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(EmulationCluster)
class EmulationClusterAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organizer"]
    inlines = [MembershipInline]
    autocomplete_fields = ["organizer"]
