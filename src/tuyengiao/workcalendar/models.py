"""Ngày kỷ niệm in the database: the table the work calendar dates anniversaries from.

The rows mirror ``anniversaries.CommemorativeDay`` (the pure dataclass that does the dating); the
national days of ``anniversaries.DEFAULT_EVENTS`` are loaded by a migration, and system admins add
local ones (a province's liberation day...) in the admin site.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.workcalendar import anniversaries

logger = logging.getLogger(__name__)


class CalendarChoice(models.TextChoices):
    SOLAR = anniversaries.CalendarKind.SOLAR.value, _("Dương lịch")
    LUNAR = anniversaries.CalendarKind.LUNAR.value, _("Âm lịch")


class ImportanceChoice(models.IntegerChoices):
    NORMAL = int(anniversaries.Importance.NORMAL), _("Thông thường")
    HIGH = int(anniversaries.Importance.HIGH), _("Quan trọng")
    NATIONAL = int(anniversaries.Importance.NATIONAL), _("Ngày lễ lớn của dân tộc")


class CommemorativeDayQuerySet(models.QuerySet):
    def events(self) -> list[anniversaries.CommemorativeDay]:
        """The rows as the pure dataclass, in one query; a row that does not make a valid day is skipped."""
        found = []
        for row in self:
            try:
                found.append(row.to_event())
            except (TypeError, ValueError) as error:
                # Only rows written around the admin's validation can get here; never fail a page for one.
                logger.warning("Commemorative day %s skipped: %s", row.code, error)
        return found


class CommemorativeDay(models.Model):
    """Một ngày kỷ niệm: "Ngày Quốc tế Lao động", dương lịch 01/5, tính từ năm 1886."""

    code = models.CharField(
        _("mã"),
        max_length=80,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z",
                _(
                    "Mã gồm chữ thường không dấu và chữ số, các từ nối bằng dấu gạch ngang (vd. giai-phong-tinh)."
                ),
            )
        ],
        help_text=_("Mã cố định, không dấu, ví dụ: giai-phong-tinh."),
    )
    name = models.CharField(_("tên ngày kỷ niệm"), max_length=300)
    calendar = models.CharField(
        _("lịch"), max_length=5, choices=CalendarChoice.choices, default=CalendarChoice.SOLAR
    )
    month = models.PositiveSmallIntegerField(
        _("tháng"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("ngày"), validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    origin_year = models.PositiveSmallIntegerField(
        _("năm diễn ra sự kiện"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9999)],
        help_text=_(
            "Năm tính số năm kỷ niệm (năm âm lịch với ngày âm lịch); để trống nếu không đếm năm (Tết, Giỗ Tổ)."
        ),
    )
    importance = models.PositiveSmallIntegerField(
        _("mức độ"), choices=ImportanceChoice.choices, default=ImportanceChoice.NORMAL
    )

    history = HistoricalRecords()
    objects = CommemorativeDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("ngày kỷ niệm")
        verbose_name_plural = _("ngày kỷ niệm")
        ordering = ["calendar", "month", "day", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="commemorative_day_month"),
            models.CheckConstraint(condition=Q(day__gte=1, day__lte=31), name="commemorative_day_day"),
        ]

    def __str__(self) -> str:
        return self.name

    def to_event(self) -> anniversaries.CommemorativeDay:
        """The pure dataclass that ``anniversaries`` dates; raises ValueError for an impossible day."""
        return anniversaries.CommemorativeDay(
            code=self.code,
            name=self.name,
            calendar=anniversaries.CalendarKind(self.calendar),
            month=self.month,
            day=self.day,
            origin_year=self.origin_year,
            importance=anniversaries.Importance(self.importance),
        )

    @classmethod
    def from_event(cls, event: anniversaries.CommemorativeDay) -> "CommemorativeDay":
        return cls(
            code=event.code,
            name=event.name,
            calendar=event.calendar.value,
            month=event.month,
            day=event.day,
            origin_year=event.origin_year,
            importance=int(event.importance),
        )

    def clean(self) -> None:
        """The day must exist in its calendar (no 31/4, no 29/02, no lunar 31): the dataclass decides."""
        if not self.name or self.month not in range(1, 13) or self.day not in range(1, 32):
            return  # the fields' own errors say what is missing or out of range
        try:
            anniversaries.CommemorativeDay(
                code="kiem-tra",  # the code has its own validator, with a Vietnamese message
                name=self.name,
                calendar=self.calendar,
                month=self.month,
                day=self.day,
                origin_year=self.origin_year,
                importance=self.importance,
            )
        except (TypeError, ValueError) as error:
            raise ValidationError(str(error), code="invalid_day") from None

    @property
    def day_month_label(self) -> str:
        text = anniversaries.format_day_month(self.day, self.month)
        lunar = _("âm lịch")
        return text if self.calendar == CalendarChoice.SOLAR else f"{text} ({lunar})"
