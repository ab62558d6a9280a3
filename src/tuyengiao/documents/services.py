"""Every change to the document registry goes through here: checked, atomic, audited.

Leaders and specialists keep their own unit's registry. A number is parsed by `numbering`, whose
reason (in Vietnamese) is what the user reads when it is malformed; the congress term is derived
from the date. Files of documents classified above "Thường" are refused unless the installation
runs on the Party's closed network (`settings.CLOSED_NETWORK`).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tuyengiao.core.files import check_upload
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc
from tuyengiao.documents import numbering
from tuyengiao.documents.models import (
    Classification,
    Document,
    DocumentAlias,
    DocumentFile,
    DocumentRelation,
    DocumentStatus,
    FieldOfWork,
    RelationKind,
    System,
)
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.textmining.references import alias_key


def can_keep(actor, unit: OrgUnit) -> bool:
    """Leaders and specialists keep their own unit's registry; admins any unit's."""
    if getattr(actor, "is_system_admin", False):
        return True
    return bool(getattr(actor, "can_manage_subtree", False) and actor.unit_id == unit.pk)


def _check_keeper(actor, unit: OrgUnit) -> None:
    if actor is not None and not can_keep(actor, unit):
        fail("Bạn chỉ cập nhật được sổ văn bản của đơn vị mình (lãnh đạo, chuyên viên).", code="forbidden")


def parse_number(text: str) -> numbering.DocNumber:
    """The number as typed, or the parser's reason on the number field."""
    try:
        return numbering.parse(text)
    except numbering.NumberError as error:
        fail(error.reason, field="number")


def identity(parsed: numbering.DocNumber, issued_on: dt.date | None) -> dict:
    """What tells two documents with the same number apart: the term (Party) or the year (state)."""
    if parsed.system == "party":
        term = numbering.term_for(issued_on) if issued_on else None
        return {"term": term.roman if term else "", "year": issued_on.year if issued_on else None}
    return {"term": "", "year": parsed.year or (issued_on.year if issued_on else None)}


@dataclass
class DocumentData:
    number: str
    issued_on: dt.date | None = None
    issuing_body: str = ""
    subject: str = ""
    summary: str = ""
    classification: str = Classification.NORMAL
    status: str = DocumentStatus.IN_FORCE
    fields: list[FieldOfWork] = field(default_factory=list)


def _apply(document: Document, data: DocumentData) -> None:
    parsed = parse_number(data.number)
    if parsed.system == "state" and parsed.year and data.issued_on and data.issued_on.year != parsed.year:
        fail(
            f"Số {parsed.canonical} mang năm {parsed.year} nhưng ngày ban hành thuộc năm {data.issued_on.year}.",
            field="issued_on",
        )
    if data.issued_on and data.issued_on > dt.date.today() + dt.timedelta(days=1):
        fail("Ngày ban hành không được ở tương lai.", field="issued_on")
    document.system = System.PARTY if parsed.system == "party" else System.STATE
    document.number, document.doc_type, document.issuer = parsed.canonical, parsed.type, parsed.issuer
    for name, value in identity(parsed, data.issued_on).items():
        setattr(document, name, value)
    document.issued_on = data.issued_on
    document.issuing_body = nfc(data.issuing_body)
    document.subject = nfc(data.subject)
    document.summary = nfc(data.summary)
    if (
        data.classification != Classification.NORMAL
        and not settings.CLOSED_NETWORK
        and document.pk
        and document.files.exists()
    ):
        fail(
            "Văn bản đã có tệp đính kèm: hệ thống này không nằm trên mạng thông tin nội bộ của Đảng nên "
            "không thể chuyển văn bản sang mức mật.",
            field="classification",
        )
    document.classification = data.classification
    document.status = data.status
    _check_unique(document)


def _check_unique(document: Document) -> None:
    twins = Document.objects.filter(owner=document.owner_id, number=document.number, system=document.system)
    twins = (
        twins.filter(term=document.term)
        if document.system == System.PARTY
        else twins.filter(year=document.year)
    )
    if twins.exclude(pk=document.pk).exists():
        where = f"khóa {document.term}" if document.system == System.PARTY and document.term else "cùng kỳ"
        fail(f"Sổ văn bản của đơn vị đã có {document.number} ({where}).", code="duplicate", field="number")


def _save(document: Document, actor) -> Document:
    try:
        with transaction.atomic():
            return audited_save(document, actor=actor)
    except IntegrityError:  # a concurrent registration of the same number won the race
        fail(f"Sổ văn bản của đơn vị đã có {document.number}.", code="duplicate", field="number")


@transaction.atomic
def register(*, actor, unit: OrgUnit, data: DocumentData) -> Document:
    """Vào sổ một văn bản."""
    _check_keeper(actor, unit)
    document = Document(owner=unit, created_by=actor if getattr(actor, "pk", None) else None)
    _apply(document, data)
    _save(document, actor)
    document.fields.set(data.fields)
    return document


@transaction.atomic
def update(*, actor, document: Document, expected_version: int | None, data: DocumentData) -> Document:
    """Sửa, hoàn thiện: completing an unregistered entry puts it in the registry."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    check_version(document, expected_version)
    _check_keeper(actor, document.owner)
    _apply(document, data)
    document.registered = True
    document.version += 1
    _save(document, actor)
    document.fields.set(data.fields)
    return document


@transaction.atomic
def relate(*, actor, source: Document, target: Document, kind: str) -> DocumentRelation:
    """`source` thực hiện / hướng dẫn / thay thế / sửa đổi / sơ kết `target`."""
    _check_keeper(actor, source.owner)
    if source.pk == target.pk:
        fail("Một văn bản không thể có quan hệ với chính nó.", field="target")
    if kind not in RelationKind.values:
        fail("Chọn một loại quan hệ.", field="kind")
    relation, created = DocumentRelation.objects.get_or_create(
        source=source,
        target=target,
        kind=kind,
        defaults={"created_by": actor if getattr(actor, "pk", None) else None},
    )
    if not created:
        fail("Quan hệ này đã có.", code="duplicate", field="target")
    if kind == RelationKind.REPLACES and target.status != DocumentStatus.REPLACED:
        target.status = DocumentStatus.REPLACED
        target.version += 1
        audited_save(target, actor=actor, reason=f"được thay thế bởi {source}")
    return relation


@transaction.atomic
def unrelate(*, actor, relation: DocumentRelation) -> None:
    _check_keeper(actor, relation.source.owner)
    relation.delete()


@transaction.atomic
def add_alias(*, actor, document: Document, text: str) -> DocumentAlias:
    """Tên gọi tắt: "Chỉ thị 05" → this document, for texts that cite it without its number."""
    _check_keeper(actor, document.owner)
    text = nfc(text).strip()
    key = alias_key(text)
    if not key:
        fail("Nhập tên gọi tắt.", field="text")
    if document.aliases.filter(key=key).exists():
        fail(f"Văn bản đã có tên gọi tắt “{text}”.", code="duplicate", field="text")
    return DocumentAlias.objects.create(document=document, text=text[:200], key=key[:200])


def files_allowed(document: Document) -> bool:
    return document.classification == Classification.NORMAL or settings.CLOSED_NETWORK


@transaction.atomic
def attach_file(*, actor, document: Document, upload) -> DocumentFile:
    _check_keeper(actor, document.owner)
    if not files_allowed(document):
        fail(
            f"Văn bản “{document.get_classification_display()}” chỉ được lưu trên mạng thông tin nội bộ "
            "của Đảng; hệ thống này không nhận tệp của văn bản mật.",
            code="classified",
            field="file",
        )
    try:
        check_upload(upload)
    except ValidationError as error:
        fail(" ".join(error.messages), field="file")
    return DocumentFile.objects.create(
        document=document,
        file=upload,
        name=nfc(upload.name)[:255],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
