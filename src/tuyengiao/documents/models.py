"""Văn bản: the registry of Party and state documents, what cites them, and who implements them.

A document's identity is (number, type, issuer, term) for the Party (numbers restart each congress
term) and (number, year) for the state; `numbering.py` parses and formats the numbers. References
found in reports, meetings and tasks link here (`Citation`); a reference to a document nobody has
registered yet creates an "unregistered" entry that a specialist completes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.scoping import ScopedQuerySet
from tuyengiao.core.text import fold


class System(models.TextChoices):
    PARTY = "party", _("Văn bản của Đảng")
    STATE = "state", _("Văn bản nhà nước")


class Classification(models.TextChoices):
    """Độ mật. Above Thường, files travel only on the Party's closed network (see settings)."""

    NORMAL = "thuong", _("Thường")
    SECRET = "mat", _("Mật")
    TOP_SECRET = "toi_mat", _("Tối mật")
    ULTRA_SECRET = "tuyet_mat", _("Tuyệt mật")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế")


class FieldOfWork(models.Model):
    """Lĩnh vực: tuyên truyền, khoa giáo, lý luận chính trị..."""

    code = models.SlugField(unique=True)
    name = models.CharField(_("lĩnh vực"), max_length=120)

    class Meta:
        verbose_name = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DocumentQuerySet(ScopedQuerySet):
    """A document belongs to the unit that registered it. Its subtree sees it; so do the units
    below it when it is not classified (a directive of the centre is read by every commune)."""

    unit_field = "owner"

    def visible_to(self, user):
        from tuyengiao.orgs.models import UnitScope

        own = super().visible_to(user)
        if not getattr(user, "is_authenticated", False) or user.is_system_admin or user.unit_id is None:
            return own
        from tuyengiao.orgs import queries

        above = UnitScope.objects.filter(unit_id=user.unit_id).values("ancestor_id")
        return self.filter(
            Q(owner__in=queries.responsibility_subquery(user.unit_id))
            | Q(owner__in=above, classification=Classification.NORMAL)
        )

    def registered(self):
        return self.filter(registered=True)


class Document(models.Model):
    system = models.CharField(_("loại hệ thống"), max_length=5, choices=System.choices, default=System.PARTY)
    number = models.CharField(
        _("số, ký hiệu"), max_length=60, help_text=_("ví dụ: 21-KL/TW; 30/2020/NĐ-CP (dạng chuẩn)")
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=10)
    issuer = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=30)
    term = models.CharField(_("khóa"), max_length=6, blank=True, help_text=_("suy ra từ ngày ban hành"))
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=500, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    classification = models.CharField(
        _("độ mật"), max_length=10, choices=Classification.choices, default=Classification.NORMAL
    )
    status = models.CharField(
        _("hiệu lực"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    fields = models.ManyToManyField(
        FieldOfWork, blank=True, related_name="documents", verbose_name=_("lĩnh vực")
    )
    registered = models.BooleanField(
        _("đã vào sổ"), default=True, help_text=_("chưa vào sổ: tạo tự động từ một trích dẫn, chờ hoàn thiện")
    )
    owner = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="documents")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)
    search_folded = models.TextField(editable=False, blank=True)  # for search without diacritics

    history = HistoricalRecords(excluded_fields=["created_at", "search_folded"])
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        ordering = ["-issued_on", "number"]
        indexes = [
            models.Index(fields=["number"]),
            models.Index(fields=["doc_type", "issuer"]),
            models.Index(fields=["owner", "issued_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "number", "term"],
                condition=Q(system="party"),
                name="party_document_number_per_term",
                violation_error_message=_("Số này đã có trong sổ văn bản của đơn vị, cùng khóa."),
            ),
            models.UniqueConstraint(
                fields=["owner", "number", "year"],
                condition=Q(system="state"),
                name="state_document_number_per_year",
                violation_error_message=_("Số này đã có trong sổ văn bản của đơn vị, cùng năm."),
            ),
        ]

    def __str__(self) -> str:
        name = self.type_name
        return f"{name} số {self.number}" if name else self.number

    def save(self, *args, **kwargs):
        self.search_folded = fold(
            " ".join((self.number, self.subject, self.issuing_body, self.summary[:1000]))
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_folded"}
        super().save(*args, **kwargs)

    @property
    def type_name(self) -> str:
        from tuyengiao.documents import numbering

        names = numbering.PARTY_TYPES if self.system == System.PARTY else numbering.STATE_TYPES
        return names.get(self.doc_type, "")

    @property
    def title(self) -> str:
        return f"{self} — {self.subject}" if self.subject else str(self)


class DocumentAlias(models.Model):
    """Tên gọi tắt: "Chỉ thị 05", "Nghị quyết Trung ương 4 khóa XII" → a registry entry."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("tên gọi tắt"), max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("tên gọi tắt")
        ordering = ["text"]
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="alias_once_per_document")]

    def __str__(self) -> str:
        return self.text


class RelationKind(models.TextChoices):
    IMPLEMENTS = "implements", _("thực hiện")
    GUIDES = "guides", _("hướng dẫn")
    REPLACES = "replaces", _("thay thế")
    AMENDS = "amends", _("sửa đổi, bổ sung")
    REVIEWS = "reviews", _("sơ kết, tổng kết")


#: How the relation reads from its target's page.
INVERSE_LABELS = {
    RelationKind.IMPLEMENTS: _("được thực hiện bởi"),
    RelationKind.GUIDES: _("được hướng dẫn bởi"),
    RelationKind.REPLACES: _("được thay thế bởi"),
    RelationKind.AMENDS: _("được sửa đổi, bổ sung bởi"),
    RelationKind.REVIEWS: _("được sơ kết, tổng kết bởi"),
}


class DocumentRelation(models.Model):
    """`source` implements / guides / replaces / amends / reviews `target`."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(_("quan hệ"), max_length=12, choices=RelationKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("quan hệ văn bản")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_once"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="relation_not_to_itself",
                violation_error_message=_("Một văn bản không thể có quan hệ với chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"


def document_file_path(instance, filename: str) -> str:
    return f"documents/{instance.document_id}/{filename}"


class DocumentFile(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("tệp"), upload_to=document_file_path)
    name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name


class Citation(models.Model):
    """A report, a meeting or a task whose text cites a document (found when the text is saved)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")
    submission = models.ForeignKey(
        "reporting.Submission", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    task = models.ForeignKey(
        "tasks.Task", on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    mention = models.CharField(_("trích dẫn"), max_length=300)

    class Meta:
        verbose_name = _("trích dẫn")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(submission__isnull=False, meeting__isnull=True, task__isnull=True)
                    | Q(submission__isnull=True, meeting__isnull=False, task__isnull=True)
                    | Q(submission__isnull=True, meeting__isnull=True, task__isnull=False)
                ),
                name="citation_of_one_record",
            ),
            models.UniqueConstraint(fields=["document", "submission"], name="citation_once_per_submission"),
            models.UniqueConstraint(fields=["document", "meeting"], name="citation_once_per_meeting"),
            models.UniqueConstraint(fields=["document", "task"], name="citation_once_per_task"),
        ]

    def __str__(self) -> str:
        return self.mention


# ---------------------------------------------------------------- implementation tracking


class ActionKind(models.TextChoices):
    PLAN = "plan", _("Ban hành kế hoạch thực hiện")
    STUDY = "study", _("Học tập, quán triệt")
    REVIEW = "review", _("Sơ kết, tổng kết")
    REPORT = "report", _("Báo cáo kết quả")
    OTHER = "other", _("Khác")


class Reach(models.TextChoices):
    """Which units below owe the action."""

    CHILDREN = "children", _("Các đơn vị trực thuộc")
    COMMUNES = "communes", _("Mọi xã, phường, đặc khu")


class ActionQuerySet(ScopedQuerySet):
    unit_field = "unit"


class RequiredAction(models.Model):
    """Việc các cấp phải làm để thực hiện một văn bản: ban hành kế hoạch trong N ngày, học tập
    quán triệt (tỷ lệ đảng viên tham gia), sơ kết 1, 3, 5 năm. `unit` asks it of the units below;
    once given, either `task` is the task (one child per unit) or `assignment` the report asked of
    every unit (a review "sơ kết 5 năm" is a report), whose statuses fill the matrix."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="actions")
    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại việc"), max_length=10, choices=ActionKind.choices)
    title = models.CharField(_("nội dung"), max_length=300)
    due_on = models.DateField(_("hạn"))
    target_percent = models.PositiveSmallIntegerField(
        _("chỉ tiêu tham gia (%)"), null=True, blank=True, help_text=_("với học tập, quán triệt")
    )
    reach = models.CharField(
        _("đơn vị thực hiện"), max_length=10, choices=Reach.choices, default=Reach.CHILDREN
    )
    task = models.OneToOneField(
        "tasks.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="required_action"
    )
    assignment = models.OneToOneField(
        "reporting.Assignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="required_action",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("việc thực hiện văn bản")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_percent__isnull=True) | Q(target_percent__lte=100),
                name="action_target_is_a_percent",
                violation_error_message=_("Chỉ tiêu tham gia là một tỷ lệ từ 0 đến 100%."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def given(self) -> bool:
        return bool(self.task_id or self.assignment_id)


# ---------------------------------------------------------------- article import


class ImportStatus(models.TextChoices):
    DRAFT = "draft", _("Chờ rà soát")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DUPLICATE = "duplicate", _("Trùng sự kiện đã có")
    DISCARDED = "discarded", _("Đã bỏ")


class ImportQuerySet(ScopedQuerySet):
    unit_field = "unit"


class ArticleImport(models.Model):
    """Một bài viết đã nhập: the text read from the file, what the extractor found, and the draft
    meeting record it became (or the meeting it duplicates)."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("tệp"), max_length=255)
    content_hash = models.CharField(max_length=64, db_index=True)
    event_key = models.CharField(max_length=300, db_index=True, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    published = models.DateField(_("ngày đăng"), null=True, blank=True)
    text = models.TextField(_("nội dung"))
    extracted = models.JSONField(default=dict)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết đã nhập")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title or self.file_name
