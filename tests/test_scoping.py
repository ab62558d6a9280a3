"""The security walk: every URL, as every role, against its own objects and a foreign unit's.

A new URL pattern fails `test_every_url_pattern_is_walked` until it is added to SPEC below, with
the objects it takes: later issues extend this table.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tuyengiao.orgs import services
from tuyengiao.orgs.models import EmulationCluster, OrgUnit

ROLES = ["admin", "leader", "specialist", "officer", "rapporteur", "viewer"]
EDITORS = {"admin", "leader", "specialist", "officer"}
MANAGERS = {"admin", "leader", "specialist"}
EXCLUDED_NAMESPACES = {"admin"}  # Django's admin site: system admins only, tested below

# URL name -> the kind of object its kwargs name (None: no object).
SPEC = {
    "web:home": None,
    "orgs:tree": None,
    "orgs:unit": "unit",
    "orgs:children": "unit",
    "orgs:unit_edit": "unit",
    "orgs:unit_add_child": "unit",
    "orgs:unit_end": "unit",
    "orgs:unit_transfer": "unit",
    "orgs:merge": None,
    "orgs:clusters": None,
    "orgs:cluster_create": None,
    "orgs:cluster": "cluster",
    "orgs:cluster_member_add": "cluster",
    "orgs:cluster_member_end": "membership",
    # account pages carry no unit data
    "accounts:users": None,
    "accounts:user_create": None,
    "accounts:user": "user",
    "accounts:user_edit": "user",
    "accounts:login": None,
    "accounts:logout": None,
    "accounts:password_change": None,
    "accounts:password_change_done": None,
    "accounts:password_reset": None,
    "accounts:password_reset_done": None,
    "accounts:password_reset_confirm": "token",
    "accounts:password_reset_complete": None,
    "reporting:due": None,
    "reporting:entry": "submission",
    "reporting:entry_docx": "submission",
    "reporting:autosave": "submission",
    "reporting:send": "submission",
    "reporting:prefill": "submission",
    "reporting:accept": "submission",
    "reporting:return": "submission",
    "reporting:reopen": "submission",
    "reporting:assignment_create": None,
    "reporting:schedules": None,
    "reporting:assignment": "assignment",
    "reporting:assignment_xlsx": "assignment",
    "reporting:templates": None,
    "reporting:consolidated": None,
    "reporting:consolidated_file": "format",
    "reporting:template": "template",
    "reporting:template_xlsx": "template",
    "reporting:template_import": None,
    "reporting:template_publish": "template",
    "tasks:mine": None,
    "tasks:assigned": None,
    "tasks:overdue": None,
    "tasks:detail": "task",
    "tasks:create": None,
    "tasks:export": "format",
    "tasks:update_file": None,  # tests/tasks/test_views.py: the task's visibility decides
    "meetings:list": None,
    # the work calendar shows the user's own unit only (tests/workcalendar/test_views.py)
    "workcalendar:index": None,
    "workcalendar:month": None,
    "workcalendar:week": None,
    "workcalendar:ics": None,
    "workcalendar:feed": "token",  # signed per user: tests/workcalendar/test_feeds.py
    "meetings:create": None,
    "meetings:series_create": None,
    "meetings:detail": "meeting",
    "meetings:edit": "meeting",
    "meetings:conclusion": "meeting",
    "meetings:make_tasks": "meeting",
    "meetings:delete": "meeting",
    "meetings:move": "meeting",
    "meetings:cancel": "meeting",
    "meetings:upload": "meeting",
    "meetings:file": "meeting_file",
    "documents:list": None,
    "documents:create": None,
    "documents:imports": None,
    "documents:import_detail": "article",
    "documents:import_confirm": "article",
    "documents:import_discard": "article",
    "documents:detail": "document",
    "documents:edit": "document",
    "documents:relate": "document",
    "documents:unrelate": "relation",
    "documents:alias": "document",
    "documents:upload": "document",
    "documents:file": "document_file",
    "documents:tracking": "document",
    "documents:tracking_xlsx": "document",
    "documents:presets": "document",
    "documents:give": "action",
}
# Pages that only take a POST: the walk sends one (empty) and expects a refusal, never a 500.
POST_ONLY = {
    "meetings:move",
    "meetings:cancel",
    "meetings:upload",
    "reporting:autosave",
    "reporting:send",
    "reporting:accept",
    "reporting:return",
    "reporting:reopen",
    "reporting:template_publish",
    "reporting:prefill",
    "documents:relate",
    "documents:unrelate",
    "documents:alias",
    "documents:upload",
    "documents:presets",
    "documents:give",
    "documents:import_confirm",
    "documents:import_discard",
}


def project_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or ""
            yield from project_url_names(entry, f"{namespace}{inner}:" if inner else namespace)
        elif (
            isinstance(entry, URLPattern)
            and entry.name
            and namespace
            and namespace.split(":")[0] not in EXCLUDED_NAMESPACES
        ):
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_is_walked():
    missing = set(project_url_names()) - set(SPEC)
    assert not missing, f"add these URLs to the security walk: {sorted(missing)}"


class Lazy(dict):
    """The walk's objects; the document registry's are built only for the pages that ask for them."""

    def __init__(self, build_more, objects):
        super().__init__(objects)
        self.build_more = build_more

    def __missing__(self, key):
        if self.build_more is None:
            raise KeyError(key)
        more, self.build_more = self.build_more(), None
        self.update(more)
        return self[key]


@pytest.fixture
def clusters(world, users):
    """The objects of the walk (clusters, memberships, accounts, reports), own and foreign."""
    import datetime as dt

    from tests.factories import user
    from tests.reporting.conftest import build_template
    from tuyengiao.accounts.models import Role
    from tuyengiao.reporting import services as reporting
    from tuyengiao.reporting.periods import month

    period = month(2025, 9)
    template_an = build_template(world.an, code="MAU-AN")
    template_other = build_template(world.other, code="MAU-KHAC")
    template_other.name = "Mẫu của Tỉnh Khác"
    template_other.save()
    assignments = {
        key: reporting.create_assignment(
            actor=None,
            template=template,
            assigner=assigner,
            period=period,
            units=[unit],
            deadline=dt.date(2025, 10, 5),
        )
        for key, template, assigner, unit in (
            ("an", template_an, world.an, world.new_commune),
            ("other", template_other, world.other, world.other_commune),
        )
    }
    from tuyengiao.tasks import services as tasks
    from tuyengiao.tasks.services import Assignee, TaskData

    def given(assigner, unit, title):
        data = TaskData(title=title, given_on=dt.date(2026, 7, 1), deadline=dt.date(2026, 9, 30))
        data.assignees = [Assignee(unit)]
        return tasks.assign(actor=None, assigner=assigner, data=data)

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tuyengiao.meetings import services as meetings

    def meeting(organizer, title):
        start = dt.datetime(2026, 7, 8, 8, 0, tzinfo=dt.UTC)
        data = meetings.MeetingData(title=title, kind="so_ket", starts_at=start, ends_at=start)
        made = meetings.create_meeting(actor=None, organizer=organizer, data=data)
        meetings.save_conclusion(actor=None, meeting=made, items=["Một là, làm tốt công tác tuyên truyền."])
        upload = SimpleUploadedFile(
            f"bien-ban-{made.pk}.pdf", b"%PDF-1.4 bien ban", content_type="application/pdf"
        )
        meetings.attach_file(actor=None, meeting=made, upload=upload, kind="minutes")
        return made

    from tuyengiao.documents import implementation
    from tuyengiao.documents import services as documents
    from tuyengiao.documents.models import ArticleImport
    from tuyengiao.meetings.models import MeetingStatus

    def document(unit, number, subject):
        made = documents.register(
            actor=None,
            unit=unit,
            data=documents.DocumentData(number=number, issued_on=dt.date(2025, 3, 1), subject=subject),
        )
        other = documents.register(
            actor=None,
            unit=unit,
            data=documents.DocumentData(number=f"1{number}", subject=f"Hướng dẫn {subject}"),
        )
        documents.relate(actor=None, source=other, target=made, kind="guides")
        upload = SimpleUploadedFile(
            f"van-ban-{made.pk}.pdf", b"%PDF-1.4 van ban", content_type="application/pdf"
        )
        documents.attach_file(actor=None, document=made, upload=upload)
        implementation.add_action(
            actor=None,
            document=made,
            unit=unit,
            kind="plan",
            title=f"Kế hoạch {subject}",
            due_on=dt.date(2026, 12, 1),
        )
        return made

    def article(unit, title):
        start = dt.datetime(2026, 6, 14, 1, 0, tzinfo=dt.UTC)
        draft = meetings.create_meeting(
            actor=None,
            organizer=unit,
            data=meetings.MeetingData(title=title, kind="so_ket", starts_at=start, ends_at=start),
        )
        draft.status = MeetingStatus.DRAFT
        draft.save()
        return ArticleImport.objects.create(
            unit=unit, file_name="bai.txt", content_hash=title, title=title, text=title, meeting=draft
        )

    def registry():
        return {
            "own_document": document(world.an, "05-CT/TW", "Văn bản của Tỉnh An"),
            "foreign_document": document(world.other, "07-CT/TW", "Văn bản của Tỉnh Khác"),
            "own_article_an": article(world.an, "Bài viết của Tỉnh An"),
            "own_article_commune": article(world.new_commune, "Bài viết của Xã Mới"),
            "foreign_article": article(world.other, "Bài viết của Tỉnh Khác"),
        }

    return Lazy(
        registry,
        {
            "own_meeting_an": meeting(world.an, "Hội nghị của Tỉnh An"),
            "own_meeting_commune": meeting(world.new_commune, "Hội nghị của Xã Mới"),
            "foreign_meeting": meeting(world.other, "Hội nghị của Tỉnh Khác"),
            "own_task": given(world.an, world.new_commune, "Nhiệm vụ của Xã Mới"),
            "foreign_task": given(world.other, world.other_commune, "Nhiệm vụ của Xã Khác"),
            "own_template": template_an,
            "foreign_template": template_other,
            "own_assignment": assignments["an"],
            "foreign_assignment": assignments["other"],
            "own_submission": assignments["an"].submissions.get(),
            "foreign_submission": assignments["other"].submissions.get(),
            "own_user": users["viewer"],
            "foreign_user": user("khac.chuyenvien", world.other, Role.SPECIALIST),
            "an": services.create_cluster(
                actor=None, name="Cụm Tỉnh An", organizer=world.an, members=[world.new_commune]
            ),
            "commune": services.create_cluster(
                actor=None, name="Cụm Xã Mới", organizer=world.new_commune, members=[world.cell]
            ),
            "other": services.create_cluster(
                actor=None, name="Cụm Tỉnh Khác", organizer=world.other, members=[world.other_commune]
            ),
        },
    )


def own_object(url_name, role, world, clusters):
    kind = SPEC[url_name]
    if kind == "unit":
        if role == "officer":
            return world.new_commune
        # restructuring applies below the user's own unit
        return world.new_commune if url_name in {"orgs:unit_end", "orgs:unit_transfer"} else world.an
    if kind == "user":
        return clusters["own_user"]
    if kind == "meeting":
        return clusters["own_meeting_commune" if role == "officer" else "own_meeting_an"]
    if kind == "meeting_file":
        return clusters["own_meeting_commune" if role == "officer" else "own_meeting_an"].files.get()
    if kind == "article":
        return clusters["own_article_commune" if role == "officer" else "own_article_an"]
    if kind in {"document", "document_file", "relation", "action"}:
        return document_part(clusters["own_document"], kind)
    if kind in {"submission", "template", "assignment", "task"}:
        if kind == "assignment" and role == "officer":
            return None  # a commune gives no assignments
        return clusters[f"own_{kind}"]
    cluster = clusters["commune"] if role == "officer" else clusters["an"]
    return cluster.memberships.first() if kind == "membership" else cluster


def document_part(document, kind):
    if kind == "document_file":
        return document.files.get()
    if kind == "relation":
        return document.relations_in.get().source.relations_out.get()
    if kind == "action":
        return document.actions.get()
    return document


def foreign_object(kind, world, clusters):
    if kind in {"document", "document_file", "relation", "action"}:
        return document_part(clusters["foreign_document"], kind)
    if kind == "article":
        return clusters["foreign_article"]
    if kind == "unit":
        return world.other_commune
    if kind == "user":
        return clusters["foreign_user"]
    if kind in {"submission", "template", "assignment", "task", "meeting"}:
        return clusters[f"foreign_{kind}"]
    if kind == "meeting_file":
        return clusters["foreign_meeting"].files.get()
    return clusters["other"].memberships.first() if kind == "membership" else clusters["other"]


def url_for(url_name, obj):
    if SPEC[url_name] == "document_file":
        return reverse(url_name, kwargs={"pk": obj.document_id, "file_pk": obj.pk})
    if SPEC[url_name] == "action":
        return reverse(url_name, kwargs={"pk": obj.document_id, "action_pk": obj.pk})
    if SPEC[url_name] == "relation":
        return reverse(url_name, kwargs={"pk": obj.source_id, "relation_pk": obj.pk})
    if SPEC[url_name] == "meeting_file":
        return reverse(url_name, kwargs={"pk": obj.meeting_id, "file_pk": obj.pk})
    if url_name == "reporting:prefill":
        return reverse(url_name, kwargs={"pk": obj.pk, "source": "thang"})
    if SPEC[url_name] == "membership":
        return reverse(url_name, kwargs={"pk": obj.cluster_id, "member_pk": obj.pk})
    return reverse(url_name, kwargs={"pk": obj.pk})


def name_of(obj):
    if hasattr(obj, "username"):
        return obj.username
    if hasattr(obj, "assignment_id"):  # a submission
        return obj.unit.name
    if hasattr(obj, "file_name"):  # an imported article
        return obj.title
    if hasattr(obj, "meeting_id"):  # a meeting's file
        return obj.meeting.title
    if hasattr(obj, "document_id") and not hasattr(obj, "due_on"):  # a document's file
        return obj.document.subject
    if hasattr(obj, "source_id"):  # a relation between documents
        return obj.source.subject
    if hasattr(obj, "subject"):  # a document
        return obj.subject
    if hasattr(obj, "title"):  # a task, a meeting
        return obj.title
    if hasattr(obj, "deadline"):  # an assignment
        return obj.template.name
    return obj.unit.name if hasattr(obj, "cluster_id") else obj.name


OBJECT_URLS = [name for name, kind in SPEC.items() if kind not in {None, "token", "format"}]

# Who may open each page on objects of their own (other roles get 403; foreign objects give 404).
WRITERS = {
    "orgs:unit_edit": EDITORS,
    "orgs:unit_add_child": MANAGERS,
    "orgs:unit_end": MANAGERS,
    "orgs:unit_transfer": MANAGERS,
    "orgs:cluster_member_add": MANAGERS,
    "orgs:cluster_member_end": MANAGERS,
    "accounts:user": {"admin", "leader"},
    "accounts:user_edit": {"admin", "leader"},
    "reporting:autosave": {"officer", "admin"},
    "reporting:send": {"officer", "admin"},
    "reporting:accept": MANAGERS,
    "reporting:return": MANAGERS,
    "reporting:reopen": MANAGERS,
    "reporting:template_publish": MANAGERS,
    "reporting:prefill": {"officer", "admin"},
    "meetings:edit": EDITORS,
    "meetings:conclusion": EDITORS,
    "meetings:delete": EDITORS,
    "meetings:make_tasks": MANAGERS,
    "meetings:move": EDITORS,
    "meetings:cancel": EDITORS,
    "meetings:upload": EDITORS,
    "documents:edit": MANAGERS,
    "documents:relate": MANAGERS,
    "documents:unrelate": MANAGERS,
    "documents:alias": MANAGERS,
    "documents:upload": MANAGERS,
    "documents:presets": MANAGERS,
    "documents:give": MANAGERS,
    "documents:import_confirm": EDITORS,
    "documents:import_discard": EDITORS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_object_pages_show_own_objects_and_hide_foreign_ones(role, url_name, world, users, clusters, login):
    client = login(users[role])
    own = own_object(url_name, role, world, clusters)
    allowed = role in WRITERS.get(url_name, ROLES)
    if own is None:
        pass
    elif url_name in POST_ONLY:
        response = client.post(url_for(url_name, own))
        if allowed:
            assert response.status_code in (200, 302, 400, 409), response.status_code
        else:
            assert response.status_code in (403, 404), response.status_code
    else:
        response = client.get(url_for(url_name, own))
        assert response.status_code == (200 if allowed else 403)
    if role == "admin":
        return  # the whole country is the admin's own
    foreign = foreign_object(SPEC[url_name], world, clusters)
    for method in (client.get, client.post):
        response = method(url_for(url_name, foreign))
        assert response.status_code in (403, 404, 405), method  # 405: a read-only page
        assert name_of(foreign).encode() not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_restructuring_pages_refuse_foreign_targets(role, world, users, login):
    """The target of a move, or a member added to a cluster, must lie in the user's scope too."""
    client = login(users[role])
    if role not in MANAGERS - {"admin"}:
        pytest.skip("only leaders and specialists restructure; the admin's scope is everything")
    response = client.post(
        reverse("orgs:unit_transfer", args=[world.new_commune.pk]),
        {"new_parent": world.other.pk, "date": "01/01/2026"},
    )
    assert response.status_code == 400 and "không thuộc phạm vi" in response.content.decode()
    from tuyengiao.orgs.services import parent_on

    assert parent_on(world.new_commune, __import__("datetime").date(2026, 1, 1)) == world.an
    cluster = services.create_cluster(actor=None, name="Cụm Tỉnh An", organizer=world.an)
    response = client.post(
        reverse("orgs:cluster_member_add", args=[cluster.pk]),
        {"unit": world.other_commune.pk, "valid_from": "01/01/2026"},
    )
    assert response.status_code == 400 and not cluster.memberships.exists()


@pytest.mark.parametrize("role", ROLES)
def test_foreign_units_cannot_be_written(role, world, users, login):
    client = login(users[role])
    target = world.other_commune if role != "admin" else None
    if target is None:
        pytest.skip("the admin has no foreign unit")
    response = client.post(
        reverse("orgs:unit_edit", kwargs={"pk": target.pk}),
        {"name": "Bị sửa", "code": target.code, "version": target.version},
    )
    assert response.status_code in (403, 404)
    target.refresh_from_db()
    assert target.name == "Xã Khác" and target.version == 1


@pytest.mark.parametrize("role", ROLES)
def test_lists_and_trees_never_show_foreign_units(role, world, users, clusters, login):
    if role == "admin":
        pytest.skip("the admin sees the whole country")
    client = login(users[role])
    assert clusters["foreign_document"] and clusters["foreign_article"]  # the registry's objects exist too
    for url in [
        reverse("web:home"),
        reverse("orgs:tree"),
        reverse("orgs:tree") + "?ngay=31/12/2024",
        reverse("orgs:clusters"),
        reverse("orgs:children", kwargs={"pk": users[role].unit.pk}),
        *([reverse("accounts:users"), reverse("accounts:users") + "?q=khac"] if role == "leader" else []),
        reverse("reporting:due"),
        reverse("reporting:templates"),
        reverse("tasks:mine"),
        reverse("tasks:overdue"),
        reverse("tasks:assigned"),
        reverse("tasks:export", args=["qua-han", "csv"]),
        reverse("meetings:list"),
        reverse("documents:list"),
        reverse("documents:list") + "?q=tinh+khac",
        reverse("documents:list") + "?status=unregistered",
        reverse("documents:imports"),
        reverse("workcalendar:index"),
        reverse("workcalendar:ics"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        for foreign in (
            "Xã Khác",
            "Tỉnh Khác",
            "Cụm Tỉnh Khác",
            "khac.chuyenvien",
            "Mẫu của Tỉnh Khác",
            "Nhiệm vụ của Xã Khác",
            "Hội nghị của Tỉnh Khác",
            "Văn bản của Tỉnh Khác",
            "Bài viết của Tỉnh Khác",
        ):
            assert foreign.encode() not in response.content, (url, foreign)
    # another unit's calendar, asked for by id
    assert client.get(reverse("workcalendar:index") + f"?unit={world.other.pk}").status_code == 404
    # asking for a foreign root explicitly
    response = client.get(reverse("orgs:tree") + f"?goc={world.other.pk}")
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_merge_refuses_foreign_units_and_non_managers(role, world, users, login):
    client = login(users[role])
    before = OrgUnit.objects.filter(valid_to__lt="9999-01-01").count()
    response = client.post(
        reverse("orgs:merge"),
        {
            "step": "confirm",
            "date": "01/01/2026",
            "absorbed": [world.other_commune.pk],
            "successor": world.new_commune.pk,
        },
    )
    if role == "admin":
        assert response.status_code == 302  # the admin may merge anywhere
        return
    assert response.status_code in (400, 403)
    assert OrgUnit.objects.filter(valid_to__lt="9999-01-01").count() == before
    if role in MANAGERS:
        assert "không thuộc phạm vi".encode() in response.content


@pytest.mark.parametrize("role", ROLES)
def test_cluster_creation_refuses_foreign_members(role, world, users, login):
    client = login(users[role])
    response = client.post(
        reverse("orgs:cluster_create"),
        {"name": "Cụm lạ", "members": [world.other_commune.pk], "valid_from": "01/01/2026"},
    )
    if role == "admin":
        # the admin's own unit is the centre: every unit is in scope
        assert response.status_code == 302
        return
    assert response.status_code in (400, 403)
    assert not EmulationCluster.objects.filter(name="Cụm lạ").exists()


def test_anonymous_users_are_sent_to_the_login_page(world, clusters, client):
    for name, kind in SPEC.items():
        if not name.startswith("orgs:") and name != "web:home":
            continue
        if kind == "format":
            url = reverse(name, kwargs={"fmt": "xlsx"})
        else:
            url = url_for(name, own_object(name, "leader", world, clusters)) if kind else reverse(name)
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], name


def test_admin_site_is_for_system_admins_only(users, login):
    assert login(users["specialist"]).get("/quan-tri/").status_code == 302
    assert login(users["admin"]).get("/quan-tri/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_consolidation_of_a_foreign_unit_is_refused(role, world, users, clusters, login):
    if role == "admin":
        pytest.skip("the admin's scope is everything")
    client = login(users[role])
    query = f"?unit={world.other.pk}&period=2025-M09&template_code=MAU-KHAC&statuses=submitted"
    for url in (
        reverse("reporting:consolidated"),
        reverse("reporting:consolidated_file", kwargs={"fmt": "xlsx"}),
        reverse("reporting:consolidated_file", kwargs={"fmt": "docx"}),
    ):
        response = client.get(url + query)
        assert response.status_code == 400, url
        assert "không thuộc phạm vi" in response.content.decode()
        assert b"Xa Khac" not in response.content and "Xã Khác".encode() not in response.content
