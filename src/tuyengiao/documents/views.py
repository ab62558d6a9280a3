from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuyengiao.core import xlsx
from tuyengiao.core.files import download
from tuyengiao.core.services import ConflictError
from tuyengiao.core.text import fold
from tuyengiao.core.views import apply_validation_error, submit_once
from tuyengiao.documents import exports, implementation, importing, services
from tuyengiao.documents.forms import (
    ActionForm,
    AliasForm,
    DocumentForm,
    FileForm,
    FilterForm,
    ImportForm,
    RelationForm,
)
from tuyengiao.documents.models import (
    INVERSE_LABELS,
    ArticleImport,
    Document,
    DocumentFile,
    DocumentRelation,
    ImportStatus,
    RequiredAction,
)
from tuyengiao.meetings import services as meeting_services
from tuyengiao.meetings.models import Meeting
from tuyengiao.reporting.models import ReportTemplate, Submission, TemplateStatus
from tuyengiao.tasks.models import Task

PAGE_SIZE = 100


def _visible(request, pk) -> Document:
    return get_object_or_404(Document.objects.visible_to(request.user).select_related("owner"), pk=pk)


def _kept(request, pk) -> Document:
    document = _visible(request, pk)
    if not services.can_keep(request.user, document.owner):
        raise PermissionDenied(_("Chỉ đơn vị vào sổ văn bản này sửa được nó."))
    return document


def _own_unit(request):
    if request.user.unit_id is None or not request.user.can_manage_subtree:
        raise PermissionDenied(_("Bạn không cập nhật được sổ văn bản."))
    return request.user.unit


def _filtered(request, documents):
    form = FilterForm(request.GET or None)
    if not form.is_bound:
        return form, documents
    if not form.is_valid():
        messages.warning(request, _("Một số điều kiện lọc không hợp lệ và đã được bỏ qua."))
    data = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v not in (None, "")}
    if "q" in data:
        for word in fold(data["q"]).split():
            documents = documents.filter(Q(search_folded__contains=word) | Q(aliases__key__contains=word))
        documents = documents.distinct()
    if "doc_type" in data:
        documents = documents.filter(doc_type__iexact=data["doc_type"].strip())
    if "issuer" in data:
        documents = documents.filter(issuer__iexact=data["issuer"].strip())
    if "year" in data:
        documents = documents.filter(issued_on__year=data["year"])
    if "term" in data:
        documents = documents.filter(term=data["term"])
    if "field" in data:
        documents = documents.filter(fields=data["field"])
    if "system" in data:
        documents = documents.filter(system=data["system"])
    if data.get("status") == "unregistered":
        documents = documents.filter(registered=False)
    elif "status" in data:
        documents = documents.filter(status=data["status"], registered=True)
    return form, documents


@require_GET
def document_list(request):
    """Sổ văn bản: filters by type, issuer, year, term, field of work and status; 100 a page."""
    documents = Document.objects.visible_to(request.user).select_related("owner")
    form, documents = _filtered(request, documents)
    page = Paginator(documents.order_by("-issued_on", "number", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "unregistered": _unregistered_count(request),
        },
    )


def _unregistered_count(request) -> int:
    if request.user.unit_id is None:
        return 0
    return Document.objects.filter(owner_id=request.user.unit_id, registered=False).count()


def _data(cleaned) -> services.DocumentData:
    return services.DocumentData(
        number=cleaned["number"],
        issued_on=cleaned.get("issued_on"),
        issuing_body=cleaned.get("issuing_body", ""),
        subject=cleaned.get("subject", ""),
        summary=cleaned.get("summary", ""),
        classification=cleaned["classification"],
        status=cleaned["status"],
        fields=list(cleaned.get("fields") or []),
    )


def document_create(request):
    unit = _own_unit(request)
    form = DocumentForm(
        request.POST if request.method == "POST" else None, initial={"number": request.GET.get("so", "")}
    )
    if request.method == "POST":
        document, repeat = submit_once(
            request,
            form,
            lambda cleaned: services.register(actor=request.user, unit=unit, data=_data(cleaned)),
            result_url=lambda d: reverse("documents:detail", args=[d.pk]),
        )
        if repeat:
            return repeat
        if document is not None:
            messages.success(request, _("Đã vào sổ văn bản %(number)s.") % {"number": document.number})
            return redirect("documents:detail", pk=document.pk)
    status = 400 if form.is_bound else 200
    return render(request, "documents/form.html", {"form": form, "creating": True}, status=status)


def document_edit(request, pk):
    document = _kept(request, pk)
    initial = {
        "number": document.number,
        "issued_on": document.issued_on,
        "issuing_body": document.issuing_body,
        "subject": document.subject,
        "summary": document.summary,
        "classification": document.classification,
        "status": document.status,
        "fields": list(document.fields.all()),
        "version": document.version,
    }
    form = DocumentForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.update(
                    actor=request.user,
                    document=document,
                    expected_version=form.cleaned_data.get("version"),
                    data=_data(form.cleaned_data),
                )
                messages.success(request, _("Đã lưu văn bản."))
                return redirect("documents:detail", pk=pk)
            except ConflictError:
                form.add_error(
                    None, _("Văn bản vừa được người khác sửa; nội dung bạn nhập vẫn còn dưới đây.")
                )
                status = 409
            except ValidationError as error:
                apply_validation_error(form, error)
    return render(request, "documents/form.html", {"form": form, "document": document}, status=status)


def _citing(request, document: Document) -> dict:
    """Every report, meeting and task the user may see that cites the document (or was given from it)."""
    user = request.user
    submissions = (
        Submission.objects.visible_to(user)
        .filter(citations__document=document)
        .select_related("unit", "assignment")
        .order_by("-pk")[:PAGE_SIZE]
    )
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(citations__document=document)
        .select_related("organizer")
        .order_by("-starts_at")[:PAGE_SIZE]
    )
    tasks = (
        Task.objects.visible_to(user)
        .filter(Q(citations__document=document) | Q(source_document=document), parent__isnull=True)
        .select_related("assignee")
        .distinct()
        .order_by("-given_on", "-pk")[:PAGE_SIZE]
    )
    return {"submissions": list(submissions), "meetings": list(meetings), "tasks": list(tasks)}


@require_GET
def document_detail(request, pk):
    document = _visible(request, pk)
    visible = Document.objects.visible_to(request.user)
    relations_out = document.relations_out.filter(target__in=visible).select_related("target")
    relations_in = [
        (INVERSE_LABELS[r.kind], r)
        for r in document.relations_in.filter(source__in=visible).select_related("source")
    ]
    can_keep = services.can_keep(request.user, document.owner)
    context = {
        "document": document,
        "relations_out": relations_out,
        "relations_in": relations_in,
        "aliases": document.aliases.all(),
        "files": document.files.all(),
        "fields": document.fields.all(),
        "can_keep": can_keep,
        "files_allowed": services.files_allowed(document),
        "actions": RequiredAction.objects.visible_to(request.user)
        .filter(document=document)
        .select_related("unit"),
        **_citing(request, document),
    }
    if can_keep:
        context["relation_form"] = RelationForm(targets=visible.exclude(pk=document.pk).order_by("number"))
        context["alias_form"] = AliasForm()
        context["file_form"] = FileForm()
    return render(request, "documents/detail.html", context)


def _back(document: Document, anchor: str = ""):
    return redirect(reverse("documents:detail", args=[document.pk]) + anchor)


def _refused(request, document, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)
    return _back(document)


@require_POST
def relate(request, pk):
    document = _kept(request, pk)
    visible = Document.objects.visible_to(request.user).exclude(pk=document.pk)
    form = RelationForm(request.POST, targets=visible)
    if not form.is_valid():
        messages.error(request, _("Chọn loại quan hệ và một văn bản trong sổ."))
        return _back(document, "#quan-he")
    try:
        services.relate(
            actor=request.user,
            source=document,
            target=form.cleaned_data["target"],
            kind=form.cleaned_data["kind"],
        )
    except ValidationError as error:
        return _refused(request, document, error)
    messages.success(request, _("Đã thêm quan hệ."))
    return _back(document, "#quan-he")


@require_POST
def unrelate(request, pk, relation_pk):
    document = _kept(request, pk)
    relation = get_object_or_404(DocumentRelation, pk=relation_pk, source=document)
    services.unrelate(actor=request.user, relation=relation)
    messages.success(request, _("Đã bỏ quan hệ."))
    return _back(document, "#quan-he")


@require_POST
def add_alias(request, pk):
    document = _kept(request, pk)
    form = AliasForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nhập tên gọi tắt."))
        return _back(document)
    try:
        services.add_alias(actor=request.user, document=document, text=form.cleaned_data["text"])
    except ValidationError as error:
        return _refused(request, document, error)
    messages.success(request, _("Đã thêm tên gọi tắt."))
    return _back(document)


@require_POST
def upload(request, pk):
    document = _kept(request, pk)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn một tệp."))
        return _back(document)
    try:
        services.attach_file(actor=request.user, document=document, upload=form.cleaned_data["file"])
    except ValidationError as error:
        return render(
            request, "documents/refused.html", {"document": document, "errors": error.messages}, status=400
        )
    messages.success(request, _("Đã đính kèm tệp."))
    return _back(document)


@require_GET
def file(request, pk, file_pk):
    document = _visible(request, pk)
    attached = get_object_or_404(DocumentFile, pk=file_pk, document=document)
    return download(attached.file, attached.name)


# ---------------------------------------------------------------- implementation tracking


def _actions(request, document) -> list[RequiredAction]:
    return list(
        RequiredAction.objects.visible_to(request.user)
        .filter(document=document)
        .select_related("unit", "task", "assignment")
    )


def tracking(request, pk):
    """Theo dõi thực hiện: the actions asked of the units below, and the units × actions matrix."""
    document = _visible(request, pk)
    user = request.user
    actions = _actions(request, document)
    own_unit = user.unit if user.unit_id and implementation.can_track(user, user.unit) else None
    form = ActionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if own_unit is None:
            raise PermissionDenied(_("Bạn không giao được việc thực hiện văn bản."))
        status = 400
        if form.is_valid():
            try:
                implementation.add_action(actor=user, document=document, unit=own_unit, **form.cleaned_data)
                messages.success(request, _("Đã thêm việc phải làm."))
                return redirect("documents:tracking", pk=pk)
            except ValidationError as error:
                apply_validation_error(form, error)
    context = {
        "document": document,
        "matrix": implementation.matrix(actions),
        "form": form,
        "own_unit": own_unit,
        "report_templates": list(_published_templates(request)) if own_unit else [],
    }
    return render(request, "documents/tracking.html", context, status=status)


@require_GET
def tracking_xlsx(request, pk):
    """The tracking matrix as a spreadsheet (the actions and their totals; units × actions)."""
    document = _visible(request, pk)
    content = exports.tracking_xlsx(document, implementation.matrix(_actions(request, document)))
    name = slugify(fold(document.number)) or "van-ban"
    return xlsx.response(content, f"theo-doi-thuc-hien-{name}.xlsx")


def _published_templates(request):
    return (
        ReportTemplate.objects.visible_to(request.user)
        .filter(status=TemplateStatus.PUBLISHED)
        .order_by("name")
    )


@require_POST
def presets(request, pk):
    document = _visible(request, pk)
    user = request.user
    if user.unit_id is None or not implementation.can_track(user, user.unit):
        raise PermissionDenied(_("Bạn không giao được việc thực hiện văn bản."))
    made = implementation.add_presets(actor=user, document=document, unit=user.unit)
    messages.success(request, _("Đã thêm %(n)s việc theo chu trình thường lệ.") % {"n": len(made)})
    return redirect("documents:tracking", pk=pk)


@require_POST
def give(request, pk, action_pk):
    document = _visible(request, pk)
    action = get_object_or_404(
        RequiredAction.objects.visible_to(request.user), pk=action_pk, document=document
    )
    if not implementation.can_track(request.user, action.unit):
        raise PermissionDenied(_("Chỉ đơn vị đặt ra việc này giao được nó."))
    template_pk = request.POST.get("template", "")
    try:
        if template_pk:
            template = (
                _published_templates(request).filter(pk=template_pk if template_pk.isdigit() else 0).first()
            )
            if template is None:
                raise ValidationError(_("Chọn một mẫu báo cáo đang áp dụng."))
            assignment = implementation.give_report(actor=request.user, action=action, template=template)
            messages.success(
                request,
                _("Đã giao báo cáo “%(title)s” cho %(n)s đơn vị.")
                % {"title": action.title, "n": assignment.submissions.count()},
            )
            return redirect("documents:tracking", pk=pk)
        task = implementation.give(actor=request.user, action=action)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("documents:tracking", pk=pk)
    messages.success(
        request,
        _("Đã giao “%(title)s” cho %(n)s đơn vị.") % {"title": action.title, "n": task.children_count or 1},
    )
    return redirect("documents:tracking", pk=pk)


# ---------------------------------------------------------------- article import


def imports(request):
    """Nhập bài viết: upload articles; each becomes a draft meeting to review. Results per file."""
    user = request.user
    can_import = bool(user.unit_id and user.can_edit_own_unit)
    results = []
    status = 200
    if request.method == "POST":
        if not can_import:
            raise PermissionDenied(_("Bạn không nhập được bài viết."))
        uploads = request.FILES.getlist("files")
        if not uploads:
            messages.error(request, _("Chọn ít nhất một tệp bài viết."))
            status = 400
        elif len(uploads) > settings.IMPORT_MAX_FILES:
            messages.error(request, _("Mỗi lần nhập tối đa %(n)s tệp.") % {"n": settings.IMPORT_MAX_FILES})
            status = 400
        else:
            limit = settings.IMPORT_MAX_MB * 1024 * 1024
            files = [(u.name, u.read(limit + 1)) for u in uploads]
            results = importing.import_files(actor=user, unit=user.unit, files=files)
            if results and not any(r.ok for r in results):
                status = 400
    recent = ArticleImport.objects.visible_to(user).select_related("meeting", "unit")[:PAGE_SIZE]
    return render(
        request,
        "documents/imports.html",
        {"form": ImportForm(), "results": results, "recent": recent, "can_import": can_import},
        status=status,
    )


def _article(request, pk) -> ArticleImport:
    return get_object_or_404(
        ArticleImport.objects.visible_to(request.user).select_related("meeting", "unit"), pk=pk
    )


def _reviewed(request, pk) -> ArticleImport:
    article = _article(request, pk)
    if not meeting_services.can_organize(request.user, article.unit):
        raise PermissionDenied(_("Chỉ đơn vị đã nhập bài viết rà soát được nó."))
    return article


@require_GET
def import_detail(request, pk):
    article = _article(request, pk)
    cited = []
    if article.meeting_id:
        cited = list(Document.objects.filter(citations__meeting=article.meeting_id).order_by("number"))
    return render(
        request,
        "documents/import_detail.html",
        {
            "article": article,
            "event": (article.extracted or {}).get("event") or {},
            "tasks": (article.extracted or {}).get("tasks") or [],
            "cited": cited,
            "can_review": article.status == ImportStatus.DRAFT
            and meeting_services.can_organize(request.user, article.unit),
        },
    )


@require_POST
def import_confirm(request, pk):
    article = _reviewed(request, pk)
    try:
        meeting = importing.confirm(actor=request.user, article=article)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("documents:import_detail", pk=pk)
    messages.success(request, _("Đã xác nhận hội nghị “%(title)s”.") % {"title": meeting.title})
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
def import_discard(request, pk):
    article = _reviewed(request, pk)
    try:
        importing.discard(actor=request.user, article=article)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("documents:import_detail", pk=pk)
    messages.success(request, _("Đã bỏ bài viết."))
    return redirect("documents:imports")
