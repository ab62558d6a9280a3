"""Every change to the organization tree goes through these functions: atomic, validated, audited.

Nothing is deleted: a unit is ended, a link is closed, a reform is a lineage event.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from tuyengiao.core.dates import BEGINNING, FOREVER, format_date
from tuyengiao.core.services import audited_save, check_version, fail
from tuyengiao.core.text import nfc
from tuyengiao.orgs import queries, scope
from tuyengiao.orgs.models import (
    ClusterMembership,
    EmulationCluster,
    LineageEvent,
    LineageKind,
    LineageLink,
    LineageRole,
    OrgUnit,
    UnitKind,
    UnitLink,
)

ONE_DAY = dt.timedelta(days=1)
UNIT_FIELDS = ("name", "official_name", "short_name", "code", "email", "phone", "note")


def _d(value: dt.date) -> str:
    return format_date(value) or "—"


def _check_dates(valid_from: dt.date, valid_to: dt.date) -> None:
    if valid_from > valid_to:
        fail(
            f"Ngày bắt đầu ({_d(valid_from)}) phải trước hoặc bằng ngày kết thúc ({_d(valid_to)}).",
            code="dates_out_of_order",
        )


def _check_code_free(code: str, exclude_pk: int | None = None) -> None:
    taken = OrgUnit.objects.filter(code=code, valid_to=FOREVER).exclude(pk=exclude_pk)
    if taken.exists():
        fail(f"Mã “{code}” đang được đơn vị “{taken.first()}” sử dụng.", code="code_taken", field="code")


def _check_link(
    child: OrgUnit, parent: OrgUnit, valid_from: dt.date, valid_to: dt.date, exclude_pk=None
) -> None:
    """A link must fit both units' lifetimes, not overlap the child's other links, and make no cycle."""
    _check_dates(valid_from, valid_to)
    if child.pk == parent.pk:
        fail("Một đơn vị không thể trực thuộc chính nó.", code="cycle")
    if not (parent.valid_from <= valid_from and valid_to <= parent.valid_to):
        fail(
            f"Đơn vị cấp trên “{parent}” không tồn tại trong suốt thời gian {_d(valid_from)} – {_d(valid_to)}.",
            code="parent_not_valid",
        )
    if not (child.valid_from <= valid_from and valid_to <= child.valid_to):
        fail(f"Quan hệ trực thuộc vượt ra ngoài thời gian tồn tại của “{child}”.", code="link_outside_unit")
    overlapping = UnitLink.objects.filter(child=child, valid_from__lte=valid_to, valid_to__gte=valid_from)
    if other := overlapping.exclude(pk=exclude_pk).select_related("parent").first():
        fail(
            f"“{child}” đã trực thuộc “{other.parent}” từ {_d(other.valid_from)} đến {_d(other.valid_to)}; "
            "hai quan hệ trực thuộc không được chồng lên nhau.",
            code="overlapping_link",
        )
    # A cycle: the parent would sit below the child at some time in the link's span.
    below_child = UnitLink.objects.filter(valid_from__lte=valid_to, valid_to__gte=valid_from)
    frontier, seen = {child.pk}, {child.pk}
    while frontier:
        frontier = set(below_child.filter(parent_id__in=frontier).values_list("child_id", flat=True)) - seen
        if parent.pk in frontier:
            fail(f"“{parent}” đang nằm dưới “{child}”: quan hệ này tạo thành vòng lặp.", code="cycle")
        seen |= frontier


@transaction.atomic
def create_unit(
    *,
    actor,
    kind: str,
    name: str,
    code: str,
    parent: OrgUnit | None = None,
    valid_from: dt.date = BEGINNING,
    valid_to: dt.date = FOREVER,
    reason: str = "",
    **extra,
) -> OrgUnit:
    name, code = nfc(name), nfc(code)
    if not name:
        fail("Tên đơn vị không được để trống.", field="name")
    if not code:
        fail("Mã đơn vị không được để trống.", field="code")
    if kind not in UnitKind.values:
        fail(f"Cấp “{kind}” không hợp lệ.", field="kind")
    _check_dates(valid_from, valid_to)
    if valid_to == FOREVER:
        _check_code_free(code)
    unit = OrgUnit(kind=kind, name=name, code=code, valid_from=valid_from, valid_to=valid_to)
    for key, value in extra.items():
        setattr(unit, key, nfc(value) if isinstance(value, str) and key != "note" else value)
    unit.full_clean(validate_unique=False, validate_constraints=False)
    audited_save(unit, actor=actor, reason=reason)
    scope.add_unit(unit.pk)
    if parent is not None:
        link_from = max(valid_from, parent.valid_from)
        link_to = min(valid_to, parent.valid_to)
        if link_from > link_to or (valid_from != BEGINNING and not parent.is_valid_on(valid_from)):
            fail(
                f"Đơn vị cấp trên “{parent}” không tồn tại vào ngày {_d(valid_from)}.",
                code="parent_not_valid",
            )
        _check_link(unit, parent, link_from, link_to)
        _add_link(actor=actor, child=unit, parent=parent, valid_from=link_from, valid_to=link_to)
    return unit


@transaction.atomic
def update_unit(*, actor, unit: OrgUnit, expected_version: int | None = None, **changes) -> OrgUnit:
    """Edit names, code and contacts. A stale `expected_version` raises ConflictError."""
    unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    check_version(unit, expected_version)
    for key, value in changes.items():
        if key not in UNIT_FIELDS:
            raise TypeError(f"update_unit() cannot change {key}")
        setattr(unit, key, nfc(value) if key != "note" else value)
    if not unit.name:
        fail("Tên đơn vị không được để trống.", field="name")
    if unit.is_open:
        _check_code_free(unit.code, exclude_pk=unit.pk)
    unit.full_clean(validate_unique=False, validate_constraints=False)
    unit.version += 1
    return audited_save(unit, actor=actor)


def current_link(unit: OrgUnit, on: dt.date) -> UnitLink | None:
    return (
        UnitLink.objects.filter(child=unit, valid_from__lte=on, valid_to__gte=on)
        .select_related("parent")
        .first()
    )


def parent_on(unit: OrgUnit, on: dt.date) -> OrgUnit | None:
    link = current_link(unit, on)
    return link.parent if link else None


@transaction.atomic
def set_parent(*, actor, unit: OrgUnit, parent: OrgUnit, valid_from: dt.date, reason: str = "") -> UnitLink:
    """From `valid_from` on, `unit` sits under `parent`; its link in force that day is closed the day before."""
    old = current_link(unit, valid_from)
    valid_to = min(unit.valid_to, parent.valid_to, old.valid_to if old else FOREVER)
    if old is not None:
        if old.parent_id == parent.pk:
            fail(f"“{unit}” đã trực thuộc “{parent}” vào ngày {_d(valid_from)}.", code="no_change")
        if old.valid_from == valid_from:
            fail(
                "Không thể đổi cấp trên đúng vào ngày quan hệ cũ bắt đầu; hãy sửa quan hệ cũ.",
                code="same_day",
            )
    _check_link(unit, parent, valid_from, valid_to, exclude_pk=old.pk if old else None)
    if old is not None:
        old.valid_to = valid_from - ONE_DAY
        audited_save(old, actor=actor, reason=reason)
    return _add_link(
        actor=actor, child=unit, parent=parent, valid_from=valid_from, valid_to=valid_to, reason=reason
    )


@transaction.atomic
def end_unit(*, actor, unit: OrgUnit, last_day: dt.date, reason: str = "") -> OrgUnit:
    """The unit ceases after `last_day` (it is kept with its history). Its children must be moved first."""
    unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    if last_day < unit.valid_from:
        fail(
            f"“{unit}” bắt đầu từ {_d(unit.valid_from)}, không thể kết thúc trước ngày đó.",
            code="dates_out_of_order",
        )
    if unit.valid_to < last_day:
        fail(f"“{unit}” đã kết thúc ngày {_d(unit.valid_to)}.", code="already_ended")
    staying = UnitLink.objects.filter(parent=unit, valid_to__gt=last_day, child__valid_to__gt=last_day)
    if staying.exists():
        names = ", ".join(str(link.child) for link in staying.select_related("child")[:5])
        fail(
            f"“{unit}” còn {staying.count()} đơn vị trực thuộc sau ngày {_d(last_day)} ({names}…): "
            "hãy chuyển hoặc sáp nhập chúng trước.",
            code="has_children",
        )
    for link in UnitLink.objects.filter(child=unit, valid_to__gt=last_day):
        if link.valid_from > last_day:
            fail(f"“{unit}” có quan hệ trực thuộc bắt đầu sau ngày {_d(last_day)}.", code="link_after_end")
        link.valid_to = last_day
        audited_save(link, actor=actor, reason=reason)
    unit.valid_to = last_day
    unit.version += 1
    return audited_save(unit, actor=actor, reason=reason)


def _add_link(
    *,
    actor,
    child: OrgUnit,
    parent: OrgUnit,
    valid_from: dt.date,
    valid_to: dt.date = FOREVER,
    reason: str = "",
) -> UnitLink:
    """Write a parent link (already checked) and extend the responsibility closure."""
    link = audited_save(
        UnitLink(child=child, parent=parent, valid_from=valid_from, valid_to=valid_to),
        actor=actor,
        reason=reason,
    )
    scope.add_edge(parent.pk, child.pk)
    return link


def _record_lineage(
    *, actor, kind: str, date: dt.date, sources, targets, legal_basis: str = "", note: str = ""
):
    event = audited_save(
        LineageEvent(kind=kind, date=date, legal_basis=nfc(legal_basis), note=note), actor=actor
    )
    for role, units in ((LineageRole.FROM, sources), (LineageRole.TO, targets)):
        for unit in units:
            audited_save(LineageLink(event=event, unit=unit, role=role), actor=actor)
    for target in targets:
        for source in sources:
            scope.add_edge(target.pk, source.pk)  # a successor answers for its predecessors' history
    return event


record_lineage = transaction.atomic(_record_lineage)


@dataclass(frozen=True)
class NewUnit:
    """A successor that does not exist yet: created by the reform itself."""

    name: str
    code: str
    kind: str
    parent: OrgUnit | None


@dataclass
class ChildMove:
    child: OrgUnit
    from_parent: OrgUnit
    link: UnitLink


@dataclass
class MergePlan:
    """What a merge will do, computed before anything is written, so the wizard can show it."""

    date: dt.date
    absorbed: list[OrgUnit]
    successor: OrgUnit | None = None
    new_successor: NewUnit | None = None
    moves: list[ChildMove] = field(default_factory=list)
    legal_basis: str = ""

    @property
    def last_day(self) -> dt.date:
        return self.date - ONE_DAY

    @property
    def successor_name(self) -> str:
        return str(self.successor) if self.successor else self.new_successor.name


def plan_merge(
    *,
    absorbed: list[OrgUnit],
    date: dt.date,
    successor: OrgUnit | None = None,
    new_successor: NewUnit | None = None,
    legal_basis: str = "",
) -> MergePlan:
    """Validate a merge (sáp nhập) of `absorbed` into `successor` (or a new unit) effective `date`."""
    if not absorbed:
        fail("Chọn ít nhất một đơn vị bị sáp nhập.", field="absorbed")
    if (successor is None) == (new_successor is None):
        fail("Chọn đơn vị kế thừa, hoặc nhập tên đơn vị mới (một trong hai).", field="successor")
    ids = [unit.pk for unit in absorbed]
    if len(set(ids)) != len(ids):
        fail("Một đơn vị được chọn hai lần.", field="absorbed")
    if successor is not None and successor.pk in ids:
        fail(f"Không thể sáp nhập “{successor}” vào chính nó.", code="merge_into_itself", field="successor")
    last_day = date - ONE_DAY
    for unit in absorbed:
        if not unit.is_valid_on(last_day):
            fail(f"“{unit}” không tồn tại vào ngày {_d(last_day)}, trước ngày sáp nhập.", field="absorbed")
        if unit.valid_to != FOREVER and unit.valid_to != last_day:
            fail(f"“{unit}” đã có ngày kết thúc {_d(unit.valid_to)}.", field="absorbed")
    if successor is not None and not successor.is_valid_on(date):
        fail(
            f"Đơn vị kế thừa “{successor}” không tồn tại vào ngày {_d(date)}.",
            code="successor_not_valid",
            field="successor",
        )
    if new_successor is not None:
        if not nfc(new_successor.name):
            fail("Nhập tên đơn vị mới.", field="new_name")
        if not nfc(new_successor.code):
            fail("Nhập mã đơn vị mới.", field="new_code")
        _check_code_free(nfc(new_successor.code))
        if new_successor.parent is not None and not new_successor.parent.is_valid_on(date):
            fail(f"“{new_successor.parent}” không tồn tại vào ngày {_d(date)}.", field="new_parent")
    moves = [
        ChildMove(child=link.child, from_parent=link.parent, link=link)
        for link in UnitLink.objects.filter(
            parent_id__in=ids, valid_from__lte=last_day, valid_to__gte=date, child__valid_to__gte=date
        ).select_related("child", "parent")
    ]
    return MergePlan(
        date=date,
        absorbed=list(absorbed),
        successor=successor,
        new_successor=new_successor,
        moves=sorted(moves, key=lambda m: m.child.name_folded),
        legal_basis=legal_basis,
    )


@transaction.atomic
def merge_units(*, actor, plan: MergePlan) -> LineageEvent:
    """Carry out a planned merge in one transaction: end the absorbed units, move their children."""
    # Re-validate against the database as it is now: the plan may have been shown minutes ago.
    locked = list(OrgUnit.objects.select_for_update().filter(pk__in=[u.pk for u in plan.absorbed]))
    plan = plan_merge(
        absorbed=locked,
        date=plan.date,
        successor=plan.successor,
        new_successor=plan.new_successor,
        legal_basis=plan.legal_basis,
    )
    successor = plan.successor
    if successor is None:
        spec = plan.new_successor
        successor = create_unit(
            actor=actor,
            kind=spec.kind,
            name=spec.name,
            code=spec.code,
            parent=spec.parent,
            valid_from=plan.date,
        )
    for move in plan.moves:
        link = move.link
        new_to = min(link.valid_to, successor.valid_to)
        link.valid_to = plan.last_day
        audited_save(link, actor=actor, reason="sáp nhập")
        _check_link(move.child, successor, plan.date, new_to)
        _add_link(actor=actor, child=move.child, parent=successor, valid_from=plan.date, valid_to=new_to)
    for unit in plan.absorbed:
        if unit.valid_to != plan.last_day:
            end_unit(actor=actor, unit=unit, last_day=plan.last_day, reason="sáp nhập")
    return _record_lineage(
        actor=actor,
        kind=LineageKind.MERGE,
        date=plan.date,
        sources=plan.absorbed,
        targets=[successor],
        legal_basis=plan.legal_basis,
    )


@transaction.atomic
def rename_unit(
    *, actor, unit: OrgUnit, new_name: str, date: dt.date, new_code: str | None = None
) -> OrgUnit:
    """Đổi tên: a new unit takes the old one's place and children; the lineage links the two."""
    if not unit.is_valid_on(date - ONE_DAY) or not unit.is_open:
        fail(f"“{unit}” phải còn hiệu lực để đổi tên.", code="not_open")
    parent = parent_on(unit, date - ONE_DAY)
    moves = list(UnitLink.objects.filter(parent=unit, valid_from__lte=date - ONE_DAY, valid_to__gte=date))
    for link in [*moves, *UnitLink.objects.filter(child=unit, valid_to__gte=date)]:
        link.valid_to = date - ONE_DAY
        audited_save(link, actor=actor, reason="đổi tên")
    unit.valid_to = date - ONE_DAY
    unit.version += 1
    audited_save(unit, actor=actor, reason="đổi tên")
    successor = create_unit(
        actor=actor,
        kind=unit.kind,
        name=new_name,
        code=new_code or unit.code,
        parent=parent,
        valid_from=date,
        short_name=unit.short_name,
        email=unit.email,
        phone=unit.phone,
    )
    for link in moves:
        _add_link(actor=actor, child=link.child, parent=successor, valid_from=date)
    _record_lineage(actor=actor, kind=LineageKind.RENAME, date=date, sources=[unit], targets=[successor])
    return successor


@transaction.atomic
def transfer_unit(*, actor, unit: OrgUnit, new_parent: OrgUnit, date: dt.date) -> LineageEvent:
    """Điều chuyển: the unit moves under another parent; it stays the same unit."""
    set_parent(actor=actor, unit=unit, parent=new_parent, valid_from=date, reason="điều chuyển")
    return _record_lineage(actor=actor, kind=LineageKind.TRANSFER, date=date, sources=[unit], targets=[unit])


@transaction.atomic
def split_unit(*, actor, unit: OrgUnit, parts: list[NewUnit], date: dt.date) -> list[OrgUnit]:
    """Chia tách: the unit ends and new units take its place. Move its children beforehand."""
    if len(parts) < 2:
        fail("Chia tách cần ít nhất hai đơn vị mới.", code="too_few_parts")
    end_unit(actor=actor, unit=unit, last_day=date - ONE_DAY, reason="chia tách")
    created = [
        create_unit(actor=actor, kind=p.kind, name=p.name, code=p.code, parent=p.parent, valid_from=date)
        for p in parts
    ]
    _record_lineage(actor=actor, kind=LineageKind.SPLIT, date=date, sources=[unit], targets=created)
    return created


@transaction.atomic
def create_cluster(
    *, actor, name: str, organizer: OrgUnit, members=(), valid_from: dt.date = BEGINNING, note=""
):
    name = nfc(name)
    if not name:
        fail("Tên cụm thi đua không được để trống.", field="name")
    cluster = audited_save(EmulationCluster(name=name, organizer=organizer, note=note), actor=actor)
    for unit in members:
        add_cluster_member(actor=actor, cluster=cluster, unit=unit, valid_from=valid_from)
    return cluster


@transaction.atomic
def add_cluster_member(
    *,
    actor,
    cluster: EmulationCluster,
    unit: OrgUnit,
    valid_from: dt.date = BEGINNING,
    valid_to: dt.date = FOREVER,
) -> ClusterMembership:
    _check_dates(valid_from, valid_to)
    clash = cluster.memberships.filter(unit=unit, valid_from__lte=valid_to, valid_to__gte=valid_from)
    if clash.exists():
        fail(f"“{unit}” đã là thành viên của cụm trong khoảng thời gian này.", code="overlapping_membership")
    if unit.pk not in queries.responsibility_ids(cluster.organizer_id):
        fail(f"“{unit}” không thuộc phạm vi của “{cluster.organizer}”.", code="outside_scope")
    return audited_save(
        ClusterMembership(cluster=cluster, unit=unit, valid_from=valid_from, valid_to=valid_to), actor=actor
    )


@transaction.atomic
def end_cluster_member(*, actor, membership: ClusterMembership, last_day: dt.date) -> ClusterMembership:
    if last_day < membership.valid_from:
        fail("Ngày kết thúc phải sau ngày bắt đầu.", code="dates_out_of_order")
    if membership.valid_to < last_day:
        fail(f"Tư cách thành viên đã kết thúc ngày {_d(membership.valid_to)}.", code="already_ended")
    membership.valid_to = last_day
    return audited_save(membership, actor=actor)


def find_units(text: str, *, on: dt.date | None = None):
    """Units whose name, official name, short name or code matches `text`, diacritics ignored.

    Exact matches win over folded ones; among several, those valid on `on` win.
    """
    from tuyengiao.core.text import fold

    text = nfc(text)
    exact = OrgUnit.objects.filter(
        Q(name__iexact=text)
        | Q(code__iexact=text)
        | Q(short_name__iexact=text)
        | Q(official_name__iexact=text)
    )
    candidates = list(exact) or list(OrgUnit.objects.filter(name_folded=fold(text)))
    if on is not None and len(candidates) > 1:
        valid = [unit for unit in candidates if unit.is_valid_on(on)]
        candidates = valid or candidates
    if len(candidates) > 1:
        open_units = [unit for unit in candidates if unit.is_open]
        candidates = open_units if len(open_units) == 1 else candidates
    return candidates
