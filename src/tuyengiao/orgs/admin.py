from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tuyengiao.orgs.models import ClusterMembership, EmulationCluster, LineageEvent, LineageLink, OrgUnit, UnitLink


class ParentLinkInline(admin.TabularInline):
    model = UnitLink
    fk_name = "child"
    extra = 0
    autocomplete_fields = ["parent"]


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "code", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "name_folded", "code", "official_name"]
    inlines = [ParentLinkInline]

    def has_delete_permission(self, request, obj=None):
        return False  # a unit with history is ended, never deleted


class LineageLinkInline(admin.TabularInline):
    model = LineageLink
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(LineageEvent)
class LineageEventAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "date", "legal_basis"]
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
