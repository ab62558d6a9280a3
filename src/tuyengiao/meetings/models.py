"""Hội nghị: review conferences, briefings, online sessions with their connection points, minutes,
and the conclusion notice whose items become tasks (see tasks.services.from_conclusions)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.scoping import ScopedQuerySet


class MeetingKind(models.TextChoices):
    SO_KET = "so_ket", _("Hội nghị sơ kết")
    TONG_KET = "tong_ket", _("Hội nghị tổng kết")
    GIAO_BAN = "giao_ban", _("Giao ban")
    CHUYEN_DE = "chuyen_de", _("Hội nghị chuyên đề")
    BAO_CAO_VIEN = "bao_cao_vien", _("Hội nghị báo cáo viên")
    HOI_THAO = "hoi_thao", _("Hội thảo")
    TAP_HUAN = "tap_huan", _("Tập huấn")
    SINH_HOAT = "sinh_hoat", _("Sinh hoạt toàn Đảng bộ")
    OTHER = "other", _("Khác")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    HYBRID = "hybrid", _("Trực tiếp kết hợp trực tuyến")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp, chờ xác nhận")
    PLANNED = "planned", _("Dự kiến")
    HELD = "held", _("Đã tổ chức")
    CANCELLED = "cancelled", _("Đã hủy")


class MeetingQuerySet(ScopedQuerySet):
    unit_field = "organizer"

    def visible_to(self, user):
        """The organizer's subtree sees a meeting; so do the units it is a connection point of."""
        from tuyengiao.orgs import queries

        own = super().visible_to(user)
        if not getattr(user, "is_authenticated", False) or user.is_system_admin or user.unit_id is None:
            return own
        reach = queries.responsibility_subquery(user.unit_id)
        return self.filter(
            Q(organizer__in=reach)
            | Q(pk__in=ConnectionPoint.objects.filter(unit__in=reach).values("meeting"))
        )


class MeetingSeries(models.Model):
    """Một chuỗi họp định kỳ: "Chủ nhật đầu tiên hằng tháng" as an RRULE; each occurrence is a Meeting."""

    organizer = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="meeting_series")
    title = models.CharField(_("tên"), max_length=300)
    kind = models.CharField(_("loại"), max_length=20, choices=MeetingKind.choices)
    format = models.CharField(_("hình thức"), max_length=10, choices=MeetingFormat.choices)
    rrule = models.CharField(_("quy tắc lặp"), max_length=300)
    first_start = models.DateTimeField(_("lần đầu"))
    duration_minutes = models.PositiveIntegerField(_("thời lượng (phút)"), default=120)
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("chuỗi họp định kỳ")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    organizer = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("tên hội nghị"), max_length=300)
    kind = models.CharField(_("loại"), max_length=20, choices=MeetingKind.choices)
    format = models.CharField(
        _("hình thức"), max_length=10, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    period_key = models.CharField(_("kỳ được đánh giá"), max_length=40, blank=True)
    period_label = models.CharField(max_length=120, blank=True)
    chair = models.CharField(_("chủ trì"), max_length=300, blank=True, help_text=_("họ tên, chức vụ"))
    speakers = models.TextField(_("báo cáo viên, người phát biểu"), blank=True)
    attendance = models.PositiveIntegerField(_("số người dự (lượt)"), null=True, blank=True)
    agenda = models.TextField(_("chương trình"), blank=True)
    minutes = models.TextField(_("biên bản"), blank=True)
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.CASCADE, null=True, blank=True, related_name="meetings"
    )
    occurrence_date = models.DateField(null=True, blank=True, help_text="the series' date, even when moved")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội nghị")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["organizer", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            ),
            models.UniqueConstraint(
                fields=["series", "occurrence_date"],
                condition=Q(series__isnull=False),
                name="meeting_one_per_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return self.format != MeetingFormat.IN_PERSON


class ConnectionPoint(models.Model):
    """Điểm cầu: a unit (or a place) joining an online meeting, with its attendance and host."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="points")
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    attendance = models.PositiveIntegerField(_("số người dự"), default=0)
    host = models.CharField(_("người chủ trì điểm cầu"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("điểm cầu")
        ordering = ["meeting", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | ~Q(place=""),
                name="point_is_a_unit_or_a_place",
                violation_error_message=_("Điểm cầu cần một đơn vị hoặc một địa điểm."),
            )
        ]

    def __str__(self) -> str:
        return str(self.unit) if self.unit_id else self.place


def meeting_file_path(instance, filename: str) -> str:
    return f"meetings/{instance.meeting_id}/{filename}"


class FileKind(models.TextChoices):
    SLIDES = "slides", _("Tài liệu trình chiếu")
    MINUTES = "minutes", _("Biên bản")
    OTHER = "other", _("Khác")


class MeetingFile(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại"), max_length=10, choices=FileKind.choices, default=FileKind.OTHER)
    file = models.FileField(_("tệp"), upload_to=meeting_file_path)
    name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name


class ConclusionNotice(models.Model):
    """Thông báo kết luận of a meeting: its number (15-TB/BTGDVTU), date and items (Một là…, Hai là…)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="conclusion")
    number = models.CharField(_("số thông báo"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    summary = models.TextField(_("nội dung chung"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thông báo kết luận")

    def __str__(self) -> str:
        return f"Thông báo kết luận {self.number}".strip()


class ConclusionItem(models.Model):
    notice = models.ForeignKey(ConclusionNotice, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField()
    text = models.TextField(_("nội dung"))

    class Meta:
        ordering = ["notice", "order"]
        constraints = [models.UniqueConstraint(fields=["notice", "order"], name="conclusion_item_order")]

    def __str__(self) -> str:
        return self.text[:80]
