"""The organization tree with a time axis.

A unit (đơn vị) exists between its validity dates; its place in the tree is a parent link with
dates of its own; a merge, split, rename or transfer is a lineage event, never a delete. A unit
that has history is ended, not deleted.
"""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.dates import BEGINNING, FOREVER, format_date
from tuyengiao.core.scoping import ScopedQuerySet
from tuyengiao.core.text import fold


class UnitKind(models.TextChoices):
    CENTRE = "centre", _("Trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Huyện, quận, thị xã, thành phố thuộc tỉnh")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    SUBORDINATE = "subordinate", _("Đảng bộ trực thuộc")
    COMMISSION = "commission", _("Ban")
    CELL = "cell", _("Chi bộ")


class OrgUnitQuerySet(ScopedQuerySet):
    unit_field = "pk"

    def valid_on(self, day: dt.date):
        return self.filter(valid_from__lte=day, valid_to__gte=day)

    def editable_by(self, user):
        """Unit details: leaders and specialists edit their unit and its subtree, officers their own unit."""
        from tuyengiao.orgs import queries

        if not user.is_authenticated or user.unit_id is None:
            return self.none()
        if user.is_system_admin:
            return self
        if user.can_manage_subtree:
            return self.filter(pk__in=queries.responsibility_subquery(user.unit_id))
        if user.can_edit_own_unit:
            return self.filter(pk=user.unit_id)
        return self.none()

    def restructurable_by(self, user):
        """Units a user may merge, end or move: strictly below their own unit (admins: all)."""
        if getattr(user, "is_system_admin", False):
            return self.all()
        if not getattr(user, "can_manage_subtree", False):
            return self.none()
        return self.editable_by(user).exclude(pk=user.unit_id)


class OrgUnit(models.Model):
    """An organization unit: the centre, a province, a district (until 2025), a commune, a cell..."""

    kind = models.CharField(_("cấp"), max_length=16, choices=UnitKind.choices)
    name = models.CharField(
        _("tên"), max_length=200, help_text=_("Tên thường dùng, ví dụ “Thái Nguyên”, “Xã Tân Cương”.")
    )
    official_name = models.CharField(_("tên chính thức"), max_length=255, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    code = models.CharField(_("mã"), max_length=32)
    valid_from = models.DateField(_("hiệu lực từ"), default=BEGINNING)
    valid_to = models.DateField(_("hiệu lực đến"), default=FOREVER)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["name_folded"])
    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__lte=F("valid_to")),
                name="orgunit_dates_in_order",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            ),
            # A renamed or merged unit may hand its code to its successor: codes are unique among
            # units that are still open.
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to=FOREVER),
                name="orgunit_code_unique_while_open",
                violation_error_message=_("Mã đơn vị đã được dùng."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to

    @property
    def is_open(self) -> bool:
        return self.valid_to == FOREVER

    @property
    def validity_label(self) -> str:
        start, end = format_date(self.valid_from), format_date(self.valid_to)
        if start and end:
            return f"{start} – {end}"
        if start:
            return _("từ %(d)s") % {"d": start}
        if end:
            return _("đến %(d)s") % {"d": end}
        return ""


class UnitLink(models.Model):
    """A unit's parent during a span of time (quan hệ trực thuộc)."""

    child = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="parent_links", verbose_name=_("đơn vị")
    )
    parent = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="child_links", verbose_name=_("đơn vị cấp trên")
    )
    valid_from = models.DateField(_("từ ngày"), default=BEGINNING)
    valid_to = models.DateField(_("đến ngày"), default=FOREVER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quan hệ trực thuộc")
        verbose_name_plural = _("quan hệ trực thuộc")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__lte=F("valid_to")),
                name="unitlink_dates_in_order",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            ),
            models.CheckConstraint(
                condition=~Q(child=F("parent")),
                name="unitlink_not_own_parent",
                violation_error_message=_("Một đơn vị không thể trực thuộc chính nó."),
            ),
        ]
        # Both carry the other end of the link, so the tree walks read the index alone.
        indexes = [
            models.Index(fields=["parent", "valid_from", "valid_to", "child"], name="unitlink_parent_dates"),
            models.Index(fields=["child", "valid_from", "valid_to", "parent"], name="unitlink_child_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.child} → {self.parent}"


class LineageKind(models.TextChoices):
    MERGE = "merge", _("Sáp nhập")
    SPLIT = "split", _("Chia tách")
    RENAME = "rename", _("Đổi tên")
    TRANSFER = "transfer", _("Điều chuyển")


class LineageEvent(models.Model):
    """A merge, split, rename or transfer, effective on a date: units before (from) and after (to)."""

    kind = models.CharField(_("loại"), max_length=16, choices=LineageKind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("biến động tổ chức")
        verbose_name_plural = _("biến động tổ chức")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {format_date(self.date)}"


class LineageRole(models.TextChoices):
    FROM = "from", _("trước")
    TO = "to", _("sau")


class LineageLink(models.Model):
    event = models.ForeignKey(LineageEvent, on_delete=models.CASCADE, related_name="links")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="lineage_links")
    role = models.CharField(max_length=4, choices=LineageRole.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "unit", "role"], name="lineagelink_unique")]
        indexes = [models.Index(fields=["unit", "role"], name="lineagelink_unit_role")]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_role_display()} {self.unit}"


class UnitScope(models.Model):
    """`ancestor` answers for `unit`: itself, every unit ever below it, and their predecessors.

    The transitive closure behind `visible_to(user)`, so that scoping any table is one indexed
    semi-join. History only adds responsibility (links are ended, never deleted), so the services
    keep it up to date by inserting rows; `tuyengiao rebuild-scope` recomputes it from scratch.
    """

    ancestor = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", db_index=False)
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ancestor", "unit"], name="unitscope_unique")]

    def __str__(self) -> str:
        return f"{self.ancestor_id} → {self.unit_id}"


class ClusterQuerySet(ScopedQuerySet):
    unit_field = "organizer"


class EmulationCluster(models.Model):
    """Cụm thi đua: units that review and score each other, organized by an upper unit."""

    name = models.CharField(_("tên cụm"), max_length=200)
    organizer = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="organized_clusters", verbose_name=_("đơn vị tổ chức")
    )
    note = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cụm thi đua")
        verbose_name_plural = _("cụm thi đua")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(EmulationCluster, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="cluster_memberships")
    valid_from = models.DateField(_("từ ngày"), default=BEGINNING)
    valid_to = models.DateField(_("đến ngày"), default=FOREVER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên cụm")
        verbose_name_plural = _("thành viên cụm")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__lte=F("valid_to")), name="clustermembership_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} ∈ {self.cluster}"
