"""Users: each belongs to one unit and holds one or more roles."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.scoping import ScopedQuerySet


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    LEADER = "leader", _("Lãnh đạo ban")
    SPECIALIST = "specialist", _("Chuyên viên")
    UNIT_OFFICER = "unit_officer", _("Cán bộ phụ trách đơn vị")
    RAPPORTEUR = "rapporteur", _("Báo cáo viên")
    VIEWER = "viewer", _("Người xem")


class UserQuerySet(ScopedQuerySet):
    def editable_by(self, user):
        """Accounts are managed by system admins, and by leaders for the users of their subtree
        (their own account excepted: nobody changes their own roles)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_system_admin:
            return self.all()
        if Role.LEADER in user.roles:
            return self.visible_to(user).exclude(pk=user.pk)
        return self.none()


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    unit = models.ForeignKey(
        "orgs.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("đơn vị"),
    )
    roles = models.JSONField(_("vai trò"), default=list, blank=True)
    title = models.CharField(_("chức vụ"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["last_login", "password"])
    objects = ScopedUserManager()

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        # The system admin role is what opens the admin site: keep Django's flags in step with it.
        if Role.SYSTEM_ADMIN in self.roles:
            self.is_staff = self.is_superuser = True
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        """Vietnamese order: family name first ("Trần Thị Lan")."""
        return f"{self.last_name} {self.first_name}".strip()

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)

    @property
    def is_system_admin(self) -> bool:
        return self.is_superuser or Role.SYSTEM_ADMIN in self.roles

    @property
    def can_manage_subtree(self) -> bool:
        """Leaders and specialists: their unit's records, and the structure of its subtree."""
        return self.is_system_admin or self.has_role(Role.LEADER, Role.SPECIALIST)

    @property
    def can_manage_accounts(self) -> bool:
        return self.is_system_admin or self.has_role(Role.LEADER)

    @property
    def can_edit_own_unit(self) -> bool:
        return self.can_manage_subtree or self.has_role(Role.UNIT_OFFICER)

    @property
    def role_labels(self) -> list[str]:
        labels = dict(Role.choices)
        return [str(labels.get(role, role)) for role in self.roles]
