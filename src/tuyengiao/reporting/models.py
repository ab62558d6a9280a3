"""Periodic reporting: templates (mẫu báo cáo), assignments (giao báo cáo), submissions and values.

A template is versioned and owned by the unit that authors it (usually a province or the centre);
an assignment asks a set of units to report on a template for a period by a deadline; each unit's
answer is a submission with one value per indicator and one text per narrative section. A
submission keeps the ancestors of its unit as of its period, so that consolidation sums history
where it happened, whatever the tree became later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.scoping import ScopedQuerySet
from tuyengiao.orgs.models import OrgUnit, UnitKind


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Số nguyên")
    DECIMAL = "decimal", _("Số thập phân")
    PERCENT = "percent", _("Tỷ lệ %")
    BOOLEAN = "boolean", _("Có/Không")
    TEXT = "text", _("Văn bản ngắn")


class UnitAggregation(models.TextChoices):
    """How an indicator adds up over units (xã → tỉnh → trung ương)."""

    SUM = "sum", _("Cộng")
    AVG = "avg", _("Trung bình")
    MAX = "max", _("Lớn nhất")
    MIN = "min", _("Nhỏ nhất")
    NONE = "none", _("Không tổng hợp")


class TimeAggregation(models.TextChoices):
    """How an indicator adds up over time (months → 6 months → year)."""

    SUM = "sum", _("Cộng")
    LAST = "last", _("Lấy kỳ cuối")
    AVG = "avg", _("Trung bình")
    MAX = "max", _("Lớn nhất")


class TemplateStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    PUBLISHED = "published", _("Đang áp dụng")
    RETIRED = "retired", _("Ngừng áp dụng")


class TemplateQuerySet(ScopedQuerySet):
    unit_field = "owner"

    def visible_to(self, user):
        """Templates of the user's scope, and the published templates of the units above them."""
        from tuyengiao.orgs import queries

        own = super().visible_to(user)
        if not getattr(user, "is_authenticated", False) or user.is_system_admin or user.unit_id is None:
            return own
        from django.utils import timezone

        above = queries.ancestor_ids(user.unit_id, timezone.localdate())
        return self.filter(
            Q(pk__in=own.values("pk")) | Q(owner_id__in=above, status=TemplateStatus.PUBLISHED)
        )


class ReportTemplate(models.Model):
    """Mẫu báo cáo (đề cương): ordered narrative sections and numeric indicators, with rules."""

    code = models.CharField(_("mã mẫu"), max_length=40)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    name = models.CharField(_("tên mẫu"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    owner = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="report_templates", verbose_name=_("đơn vị ban hành")
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=TemplateStatus.choices, default=TemplateStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = TemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                name="template_code_version_unique",
                violation_error_message=_("Mẫu báo cáo với mã và phiên bản này đã tồn tại."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Section(models.Model):
    """A narrative part of the report (phần nội dung), with guidance for the writer."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("thứ tự"))
    code = models.CharField(_("mã phần"), max_length=20)
    title = models.CharField(_("tiêu đề"), max_length=255)
    guidance = models.TextField(_("hướng dẫn"), blank=True)

    class Meta:
        ordering = ["template", "order"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="section_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Indicator(models.Model):
    """Chỉ tiêu: a value each unit reports, with how it aggregates over units and over time."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="indicators")
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    order = models.PositiveIntegerField(_("thứ tự"))
    code = models.CharField(_("mã chỉ tiêu"), max_length=20)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=10, choices=ValueType.choices, default=ValueType.INTEGER
    )
    min_value = models.DecimalField(
        _("giá trị nhỏ nhất"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("giá trị lớn nhất"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    unit_aggregation = models.CharField(
        _("tổng hợp theo đơn vị"), max_length=5, choices=UnitAggregation.choices, default=UnitAggregation.SUM
    )
    time_aggregation = models.CharField(
        _("tổng hợp theo thời gian"),
        max_length=5,
        choices=TimeAggregation.choices,
        default=TimeAggregation.SUM,
    )
    required = models.BooleanField(_("bắt buộc"), default=False)
    help_text = models.CharField(_("giải thích"), max_length=500, blank=True)

    class Meta:
        ordering = ["template", "order"]
        constraints = [models.UniqueConstraint(fields=["template", "code"], name="indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    @property
    def is_numeric(self) -> bool:
        return self.value_type != ValueType.TEXT


class RuleSeverity(models.TextChoices):
    ERROR = "error", _("Lỗi: không cho gửi")
    WARNING = "warning", _("Cảnh báo: người nhập xác nhận")


class Rule(models.Model):
    """A check between indicators, e.g. `B03 >= B02` (evaluated by reporting.expressions)."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="rules")
    expression = models.CharField(_("biểu thức"), max_length=500)
    message = models.CharField(_("thông báo khi sai"), max_length=300)
    severity = models.CharField(
        _("mức độ"), max_length=8, choices=RuleSeverity.choices, default=RuleSeverity.ERROR
    )

    def __str__(self) -> str:
        return self.expression


class AssignmentQuerySet(ScopedQuerySet):
    unit_field = "assigner"


class Assignment(models.Model):
    """Giao báo cáo: a template, a period, the units that must report, and the deadline."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="assignments")
    assigner = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="assignments_given", verbose_name=_("đơn vị giao")
    )
    period_key = models.CharField(_("kỳ báo cáo"), max_length=40)
    period_label = models.CharField(_("tên kỳ báo cáo"), max_length=120)
    period_kind = models.CharField(max_length=2)
    period_start = models.DateField()
    period_end = models.DateField()
    deadline = models.DateField(_("hạn nộp"))
    schedule = models.ForeignKey(
        "Schedule", on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("đợt giao báo cáo")
        verbose_name_plural = _("đợt giao báo cáo")
        ordering = ["-period_start", "template__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "assigner", "period_key"],
                name="assignment_unique_per_period",
                violation_error_message=_("Đơn vị đã giao mẫu này cho kỳ này."),
            )
        ]
        indexes = [models.Index(fields=["period_key", "template"])]

    def __str__(self) -> str:
        return f"{self.template.name} · {self.period_label}"

    @property
    def period(self):
        from tuyengiao.reporting.periods import custom, parse_period

        period = parse_period(self.period_key)
        return custom(period.start, period.end, self.period_label) if self.period_kind == "C" else period


SCHEDULE_KINDS = [
    ("M", _("Hằng tháng")),
    ("Q", _("Hằng quý")),
    ("H", _("6 tháng")),
    ("9M", _("9 tháng")),
    ("Y", _("Hằng năm")),
]


class Schedule(models.Model):
    """Lịch giao báo cáo định kỳ: e.g. every month, by the 5th of the next, to every commune under X."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="schedules")
    assigner = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="schedules")
    period_kind = models.CharField(_("định kỳ"), max_length=2, choices=SCHEDULE_KINDS)
    deadline_day = models.PositiveSmallIntegerField(_("hạn nộp: ngày của tháng sau kỳ"), default=5)
    target_kind = models.CharField(_("cấp đơn vị phải nộp"), max_length=16, choices=UnitKind.choices)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    history = HistoricalRecords()
    objects = AssignmentQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.template} · {self.period_kind}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã duyệt")


class SubmissionQuerySet(ScopedQuerySet):
    unit_field = "unit"


class Submission(models.Model):
    """Báo cáo của một đơn vị cho một đợt giao: its values, narratives and workflow state."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    confirmed_warnings = models.JSONField(default=list, blank=True)
    annex = models.TextField(_("phụ lục: nội dung tổng hợp từ cấp dưới"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [models.UniqueConstraint(fields=["assignment", "unit"], name="submission_one_per_unit")]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"{self.unit} · {self.assignment}"

    @property
    def is_late(self) -> bool:
        from django.utils import timezone

        if self.first_submitted_at is None:
            return False
        return timezone.localdate(self.first_submitted_at) > self.assignment.deadline

    @property
    def is_locked(self) -> bool:
        return self.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


class SubmissionAncestor(models.Model):
    """The units above a submission's unit as of its period (and the unit itself): the consolidation path."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="ancestors")
    ancestor = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ancestor", "submission"], name="submission_ancestor_unique")
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} ⊂ {self.ancestor_id}"


class Value(models.Model):
    # Indexed by value_by_submission below, which also carries what consolidation reads.
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="values", db_index=False
    )
    # No database-level foreign key: every unit's report points at the same 150 indicator rows, and
    # PostgreSQL's check of a foreign key locks the row it points at (FOR KEY SHARE), so thousands of
    # reports sent at once all queued on those rows. The ids come from the template's own indicators
    # (store.upsert_values); deleting an indicator still deletes its values (Django's CASCADE).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", db_constraint=False
    )
    raw = models.CharField(
        max_length=500, blank=True, help_text="what the user typed, kept even when invalid"
    )
    number = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="value_unique")]
        indexes = [
            # What consolidation reads, from the index alone on PostgreSQL (elsewhere: by submission).
            models.Index(fields=["submission"], include=["indicator", "number"], name="value_by_submission")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}={self.number if self.number is not None else self.text}"


class Narrative(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="narratives")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "section"], name="narrative_unique")]

    def __str__(self) -> str:
        return f"{self.submission_id}:{self.section_id}"


class SubmissionEvent(models.Model):
    """The audit trail of a submission's workflow: who moved it from which state to which, and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=10, choices=SubmissionStatus.choices)
    to_status = models.CharField(max_length=10, choices=SubmissionStatus.choices)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Rollup(models.Model):
    """Số liệu cộng dồn: the accepted reports' figures, already combined over time (see reporting.rollups).

    One row per đơn vị giao (assigner), mã mẫu, kỳ chứa (the quarter, 6 months, 9 months or year that
    holds the reports), loại kỳ of the reports (tháng, quý…), đơn vị báo cáo and chỉ tiêu: the sum, how
    many values, the largest, and the value of the latest period (the greatest at that period when two
    reports end the same day). Written only by reporting.rollups, never by hand: a copy derived from
    the values, so its keys carry no database constraint (a bulk rebuild writes millions of rows).
    """

    assigner = models.ForeignKey(
        OrgUnit, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    template_code = models.CharField(max_length=40)
    container_key = models.CharField(max_length=40)
    report_kind = models.CharField(max_length=2)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    total = models.DecimalField(max_digits=30, decimal_places=4)
    reported = models.PositiveIntegerField()
    largest = models.DecimalField(max_digits=18, decimal_places=4)
    last_end = models.DateField()
    last_value = models.DecimalField(max_digits=18, decimal_places=4)
    # The key is the primary key (no id column): the one index, in the order consolidation reads.
    pk = models.CompositePrimaryKey(
        "assigner", "template_code", "container_key", "report_kind", "unit", "indicator"
    )

    class Meta:
        verbose_name = _("số liệu cộng dồn")
        verbose_name_plural = _("số liệu cộng dồn")

    def __str__(self) -> str:
        return (
            f"{self.template_code} {self.container_key}/{self.report_kind} {self.unit_id}:{self.indicator_id}"
        )


class ExactDecimalField(models.DecimalField):
    """A number kept exactly as the database computed it (a sum of averages may carry twenty decimals):
    numeric with no fixed scale on PostgreSQL. SQLite keeps what it computed in any case."""

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "numeric"
        return super().db_type(connection)


class RollupTotal(models.Model):
    """Tổng cộng dồn: the roll-up's rows of one đơn vị giao, mã mẫu, kỳ chứa and loại kỳ already combined
    over the units, per chỉ tiêu: each unit's figure taken by the indicator's time rule, then how many
    units, their sum, largest and smallest. Any unit rule follows from these; consolidation reads them
    when one unit asked for one kind of report (the usual case), else the rows of the units.
    """

    assigner = models.ForeignKey(
        OrgUnit, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    template_code = models.CharField(max_length=40)
    container_key = models.CharField(max_length=40)
    report_kind = models.CharField(max_length=2)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    time_rule = models.CharField(max_length=5)  # the rule each unit's figure was taken by
    units = models.PositiveIntegerField()
    value_sum = ExactDecimalField(max_digits=65, decimal_places=30)
    value_max = ExactDecimalField(max_digits=65, decimal_places=30)
    value_min = ExactDecimalField(max_digits=65, decimal_places=30)
    pk = models.CompositePrimaryKey("assigner", "template_code", "container_key", "report_kind", "indicator")

    def __str__(self) -> str:
        return (
            f"{self.template_code} {self.container_key}/{self.report_kind} {self.indicator_id}: {self.units}"
        )


class RollupStamp(models.Model):
    """Dấu kiểm of the roll-up: which accepted reports a unit's rows were made from (how many, sum of ids).

    Consolidation compares it with the accepted reports it finds and reads the values instead when they
    differ (a status written around the services, a bulk load not followed by a rebuild).
    """

    assigner = models.ForeignKey(
        OrgUnit, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    template_code = models.CharField(max_length=40)
    container_key = models.CharField(max_length=40)
    report_kind = models.CharField(max_length=2)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    reports = models.PositiveIntegerField()
    checksum = models.BigIntegerField()
    pk = models.CompositePrimaryKey("assigner", "template_code", "container_key", "report_kind", "unit")

    def __str__(self) -> str:
        return f"{self.template_code} {self.container_key}/{self.report_kind} {self.unit_id}: {self.reports}"
