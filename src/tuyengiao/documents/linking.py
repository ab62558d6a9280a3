"""Trích dẫn: when a report, a meeting or a task is saved, the documents its text cites are linked to
registry entries.

A numbered reference resolves to the nearest entry the citing unit can see (its own registry,
then the units above it), of the right term: the term of the date the text gives, else the latest
document with that number issued before the text was written. A reference nobody has registered
becomes an "unregistered" entry (`registered=False`), kept where the document belongs: a central
document (…/TW, …-CP) at the top of the tree, a provincial one (…/TU) with the province, a
district's (…/HU) with the district, anything else with the citing unit, so that every unit citing
it shares the one entry a specialist completes. A named reference without a number ("Chỉ thị 05")
links only through an alias that a specialist has registered.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from tuyengiao.core.services import audited_save
from tuyengiao.documents import numbering
from tuyengiao.documents.models import Citation, Classification, Document, DocumentAlias, System
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.textmining.normalize import normalize
from tuyengiao.textmining.references import Reference, find_aliases, find_references, unique_references

CENTRAL_STATE_ISSUERS = {"CP", "TTG", "QH", "UBTVQH", "CTN", "VPCP"}


def home_level(issuer: str, system: str) -> str | None:
    """The kind of unit that keeps a document of this issuer: None for the top of the tree."""
    code = issuer.upper()
    if system == System.PARTY:
        if code.endswith("TW"):
            return None
        if code.endswith("TU"):
            return UnitKind.PROVINCE
        if code.endswith(("HU", "THU", "QU")):
            return UnitKind.DISTRICT
        return "self"
    head = code.split("-")[0]
    if head in CENTRAL_STATE_ISSUERS or not head.startswith(("UBND", "HĐND", "HDND")):
        return None  # ministries and the Government
    return "self"


def home_unit(issuer: str, system: str, citing: OrgUnit, on: dt.date) -> OrgUnit:
    level = home_level(issuer, system)
    if level == "self":
        return citing
    chain = org_queries.ancestors(citing, on) + [citing]  # root first
    if level is None:
        return chain[0]
    for unit in reversed(chain):
        if unit.kind == level:
            return unit
    return citing


def _reachable(citing: OrgUnit, on: dt.date) -> list[int]:
    """The citing unit, then the units above it, nearest first."""
    return [citing.pk, *org_queries.ancestor_ids(citing.pk, on)]


def resolve(ref: Reference, citing: OrgUnit, on: dt.date, *, actor=None) -> Document | None:
    parsed = numbering.try_parse(ref.number or "")
    if parsed is None:
        return None
    owners = _reachable(citing, on)
    found = list(
        Document.objects.filter(number=parsed.canonical, owner__in=owners).filter(
            Q(owner=citing) | Q(classification=Classification.NORMAL)
        )
    )
    if parsed.system == "party":
        term = numbering.term_for(ref.date or on)
        wanted = term.roman if term else ""
        same_term = [d for d in found if d.term == wanted]
        found = same_term or ([] if ref.date else [d for d in found if not d.issued_on or d.issued_on <= on])
    elif parsed.year or ref.date:
        year = parsed.year or ref.date.year
        found = [d for d in found if d.year in (year, None)]
    if found:
        rank = {pk: i for i, pk in enumerate(owners)}
        return min(found, key=lambda d: (rank.get(d.owner_id, 99), -(d.issued_on or dt.date.min).toordinal()))
    return _unregistered(parsed, ref, citing, on, actor)


def _unregistered(parsed, ref: Reference, citing: OrgUnit, on: dt.date, actor) -> Document:
    owner = home_unit(parsed.issuer, parsed.system, citing, on)
    term = numbering.term_for(ref.date or on) if parsed.system == "party" else None
    year = (parsed.year or (ref.date.year if ref.date else None)) if parsed.system == "state" else None
    lookup = dict(owner=owner, number=parsed.canonical, term=term.roman if term else "", year=year)
    existing = Document.objects.filter(**lookup).first()
    if existing:
        return existing
    document = Document(
        **lookup,
        system=System.PARTY if parsed.system == "party" else System.STATE,
        doc_type=parsed.type,
        issuer=parsed.issuer,
        issued_on=ref.date,
        issuing_body=ref.issued_by or "",
        registered=False,
    )
    try:
        with transaction.atomic():
            return audited_save(document, actor=actor, reason="tạo từ trích dẫn")
    except IntegrityError:  # another save created it meanwhile
        return Document.objects.get(**lookup)


def _by_alias(key: str, citing: OrgUnit, on: dt.date) -> Document | None:
    owners = _reachable(citing, on)
    aliases = list(
        DocumentAlias.objects.filter(key=key, document__owner__in=owners).select_related("document")
    )
    if not aliases:
        return None
    rank = {pk: i for i, pk in enumerate(owners)}
    return min(aliases, key=lambda a: rank.get(a.document.owner_id, 99)).document


def cited_documents(
    text: str, citing: OrgUnit, on: dt.date, *, actor=None
) -> dict[int, tuple[Document, str]]:
    """The documents a text cites, each once, with the words that cite it."""
    text = normalize(text or "")
    found: dict[int, tuple[Document, str]] = {}
    for ref in unique_references(find_references(text, on)):
        document = resolve(ref, citing, on, actor=actor)
        if document is not None and document.pk not in found:
            found[document.pk] = (document, text[ref.start : ref.end][:300])
    for mention in find_aliases(text):
        document = _by_alias(mention.key, citing, on)
        if document is not None and document.pk not in found:
            found[document.pk] = (document, mention.text[:300])
    return found


RECORD_FIELDS = ("submission", "meeting", "task")


@transaction.atomic(savepoint=False)  # part of the caller's save; a savepoint would cost two statements
def link(*, record, texts, unit: OrgUnit, on: dt.date | None = None, actor=None) -> list[Document]:
    """Replace the citations of `record` (a Submission, Meeting or Task) with what `texts` cite."""
    kind = record._meta.model_name
    if kind not in RECORD_FIELDS:
        raise ValueError(f"cannot cite from {kind}")
    on = on or timezone.localdate()
    found = cited_documents("\n".join(t for t in texts if t), unit, on, actor=actor)
    Citation.objects.filter(**{kind: record}).exclude(document__in=list(found)).delete()
    if not found:
        return []  # the usual case on a report's send: one statement
    known = set(Citation.objects.filter(**{kind: record}).values_list("document_id", flat=True))
    Citation.objects.bulk_create(
        Citation(document=document, mention=mention, **{kind: record})
        for pk, (document, mention) in found.items()
        if pk not in known
    )
    return [document for document, _mention in found.values()]
