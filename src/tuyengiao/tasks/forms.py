from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.meetings.forms import units_below
from tuyengiao.orgs.forms import BootstrapMixin, VietnameseDateField
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.tasks.models import TaskSource
from tuyengiao.tasks.services import MAX_MEMBERS


def _party_members(label, min_value: int, too_few) -> forms.IntegerField:
    """A count of a unit's party members (attendance of a study session), optional."""
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=MAX_MEMBERS,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Nhập một số nguyên."),
            "min_value": too_few,
            "max_value": _("Số quá lớn cho một đơn vị."),
        },
    )


class ProgressForm(forms.Form):
    percent = forms.IntegerField(
        label=_("Tiến độ (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Nhập một số từ 0 đến 100."),
            "min_value": _("Tiến độ phải từ 0 đến 100 %%."),
            "max_value": _("Tiến độ phải từ 0 đến 100 %%."),
            "required": _("Nhập tiến độ."),
        },
    )
    text = forms.CharField(
        label=_("Kết quả thực hiện"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        required=False,
    )
    file = forms.FileField(
        label=_("Tệp minh chứng"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
    done = forms.BooleanField(
        label=_("Đã hoàn thành"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    participants = _party_members(_("Số đảng viên tham gia"), 0, _("Không nhập số âm."))
    members = _party_members(_("Tổng số đảng viên"), 1, _("Tổng số đảng viên lớn hơn 0."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["percent", "participants", "members", "text", "file", "done"]

    def __init__(self, *args, attendance: bool = False, **kwargs):
        """`attendance`: the task counts who took part (học tập, quán triệt); otherwise those fields go."""
        super().__init__(*args, **kwargs)
        if not attendance:
            del self.fields["participants"], self.fields["members"]


class AssignForm(BootstrapMixin, forms.Form):
    """Giao nhiệm vụ: to every commune below, or to chosen units."""

    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    description = forms.CharField(
        label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    source = forms.ChoiceField(
        label=_("Nguồn"),
        choices=[(k, v) for k, v in TaskSource.choices if k != TaskSource.CONCLUSION],
        initial=TaskSource.NONE,
        help_text=_("Nhiệm vụ từ kết luận hội nghị: giao từ trang hội nghị."),
    )
    source_reference = forms.CharField(
        label=_("Văn bản, báo cáo nguồn"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Kết luận số 21-KL/TW; Báo cáo 6 tháng đầu năm 2026, phần phương hướng"),
    )
    given_on = VietnameseDateField(label=_("Ngày giao"), required=False, help_text=_("Để trống: hôm nay."))
    deadline = VietnameseDateField(label=_("Hạn hoàn thành"))
    all_below = forms.BooleanField(label=_("Giao cho tất cả xã, phường trực thuộc"), required=False)
    units = forms.ModelMultipleChoiceField(
        label=_("hoặc chọn đơn vị thực hiện"), queryset=OrgUnit.objects.none(), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("source") in (TaskSource.DOCUMENT, TaskSource.REPORT) and not data.get(
            "source_reference"
        ):
            self.add_error("source_reference", _("Ghi rõ văn bản hoặc báo cáo nguồn."))
        return data

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units_below(unit)
        self.fields["units"].widget.attrs["size"] = 8
