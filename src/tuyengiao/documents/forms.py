from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tuyengiao.documents import numbering
from tuyengiao.documents.models import (
    ActionKind,
    Classification,
    Document,
    DocumentStatus,
    FieldOfWork,
    Reach,
    RelationKind,
    System,
)
from tuyengiao.orgs.forms import BootstrapMixin, VietnameseDateField


class NumberField(forms.CharField):
    """A document number as people type it ("Số 21 - KL/TƯ"), checked by the parser: its reason on the field."""

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                numbering.parse(value)
            except numbering.NumberError as error:
                raise forms.ValidationError(error.reason, code="number") from None
        return value


class DocumentForm(BootstrapMixin, forms.Form):
    number = NumberField(
        label=_("Số, ký hiệu"), max_length=60, help_text=_("ví dụ: 21-KL/TW, 1017-QĐ/TU, 30/2020/NĐ-CP")
    )
    issued_on = VietnameseDateField(label=_("Ngày ban hành"), required=False)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    subject = forms.CharField(label=_("Trích yếu"), max_length=500, required=False)
    summary = forms.CharField(label=_("Tóm tắt"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    classification = forms.ChoiceField(label=_("Độ mật"), choices=Classification.choices)
    status = forms.ChoiceField(label=_("Hiệu lực"), choices=DocumentStatus.choices)
    fields = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực"),
        queryset=FieldOfWork.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not settings.CLOSED_NETWORK:
            self.fields["classification"].help_text = _(
                "Hệ thống không nằm trên mạng nội bộ của Đảng: văn bản trên mức Thường không được đính kèm tệp."
            )


class RelationForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Quan hệ"), choices=RelationKind.choices)
    target = forms.ModelChoiceField(label=_("Văn bản"), queryset=Document.objects.none())

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if targets is not None:
            self.fields["target"].queryset = targets


class AliasForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Tên gọi tắt"), max_length=200, help_text=_("ví dụ: Chỉ thị 05"))


class FileForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Tệp văn bản"))


class ActionForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại việc"), choices=ActionKind.choices)
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    due_on = VietnameseDateField(label=_("Hạn"))
    target_percent = forms.IntegerField(
        label=_("Chỉ tiêu tham gia (%)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Chỉ tiêu tham gia là một tỷ lệ từ 0 đến 100%."),
            "max_value": _("Chỉ tiêu tham gia là một tỷ lệ từ 0 đến 100%."),
            "invalid": _("Nhập một số nguyên."),
        },
    )
    reach = forms.ChoiceField(label=_("Đơn vị thực hiện"), choices=Reach.choices)


class FilterForm(BootstrapMixin, forms.Form):
    """The registry's filters; every field optional, bad values ignored with a message."""

    q = forms.CharField(label=_("Tìm"), required=False)
    doc_type = forms.CharField(label=_("Loại"), required=False)
    issuer = forms.CharField(label=_("Cơ quan"), required=False)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1930, max_value=2100)
    term = forms.ChoiceField(
        label=_("Khóa"), required=False, choices=[("", "—"), *[(t.roman, t.roman) for t in numbering.TERMS]]
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=FieldOfWork.objects.all(), required=False, empty_label="—"
    )
    status = forms.ChoiceField(
        label=_("Hiệu lực"),
        required=False,
        choices=[("", "—"), *DocumentStatus.choices, ("unregistered", _("Chưa vào sổ"))],
    )
    system = forms.ChoiceField(label=_("Hệ thống"), required=False, choices=[("", "—"), *System.choices])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ImportForm(forms.Form):
    """Only the widget: the view reads every chosen file and reports on each one."""

    files = forms.FileField(
        label=_("Bài viết (TXT, HTML, DOCX)"),
        required=False,
        widget=MultipleFileInput(attrs={"class": "form-control", "accept": ".txt,.html,.htm,.docx"}),
    )
