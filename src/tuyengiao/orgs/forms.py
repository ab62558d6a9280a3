import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.dates import FOREVER, DateParseError, parse_date
from tuyengiao.orgs.models import OrgUnit, UnitKind


class VietnameseDateField(forms.CharField):
    """A date typed as dd/mm/yyyy (ISO accepted too), with a Vietnamese error."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_date(value)
        except DateParseError as error:
            raise forms.ValidationError(str(error), code="invalid_date") from None


class BootstrapMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.RadioSelect):
                widget.attrs.setdefault("class", "form-check-input")
                continue
            widget.attrs.setdefault("class", css)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields and "class" in self.fields[name].widget.attrs:
                self.fields[name].widget.attrs["class"] += " is-invalid"


class AsOfForm(forms.Form):
    ngay = VietnameseDateField(label=_("Ngày"), required=False)

    def as_of(self) -> dt.date:
        return (self.cleaned_data.get("ngay") if self.is_valid() else None) or timezone.localdate()


class UnitForm(BootstrapMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = OrgUnit
        fields = ["name", "official_name", "short_name", "code", "email", "phone", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class MergeForm(BootstrapMixin, forms.Form):
    date = VietnameseDateField(
        label=_("Ngày hiệu lực"), help_text=_("Ngày đơn vị kế thừa bắt đầu, dạng dd/mm/yyyy.")
    )
    absorbed = UnitMultipleChoiceField(
        label=_("Các đơn vị sáp nhập"),
        queryset=OrgUnit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        error_messages={
            "invalid_choice": _("Đơn vị %(value)s không thuộc phạm vi của bạn."),
            "invalid_pk_value": _("“%(pk)s” không phải là đơn vị hợp lệ."),
        },
    )
    successor = UnitChoiceField(
        label=_("Đơn vị kế thừa (có sẵn)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Đơn vị kế thừa không thuộc phạm vi của bạn.")},
    )
    new_name = forms.CharField(label=_("…hoặc tên đơn vị mới"), required=False, max_length=200)
    new_code = forms.CharField(label=_("Mã đơn vị mới"), required=False, max_length=32)
    legal_basis = forms.CharField(label=_("Căn cứ (nghị quyết, quyết định)"), required=False, max_length=255)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        open_units = (
            OrgUnit.objects.editable_by(user).filter(valid_to=FOREVER).order_by("kind", "name_folded")
        )
        self.fields["absorbed"].queryset = open_units
        self.fields["successor"].queryset = open_units

    def clean(self):
        data = super().clean()
        if not data.get("successor") and not data.get("new_name"):
            raise forms.ValidationError(_("Chọn đơn vị kế thừa có sẵn, hoặc nhập tên đơn vị mới."))
        if data.get("successor") and data.get("new_name"):
            raise forms.ValidationError(_("Chỉ chọn một: đơn vị kế thừa có sẵn hoặc đơn vị mới."))
        if data.get("new_name") and not data.get("new_code"):
            self.add_error("new_code", _("Nhập mã cho đơn vị mới."))
        return data


class ClusterForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Tên cụm"), max_length=200)
    members = UnitMultipleChoiceField(
        label=_("Đơn vị thành viên"),
        queryset=OrgUnit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        error_messages={"invalid_choice": _("Đơn vị %(value)s không thuộc phạm vi của bạn.")},
    )
    valid_from = VietnameseDateField(label=_("Từ ngày"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = (
            OrgUnit.objects.visible_to(user).filter(valid_to=FOREVER).order_by("kind", "name_folded")
        )


class ChildUnitForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Cấp"), choices=UnitKind.choices)
    name = forms.CharField(
        label=_("Tên"), max_length=200, help_text=_("Ví dụ “Xã Tân Cương”, “Chi bộ Tổ dân phố số 4”.")
    )
    official_name = forms.CharField(label=_("Tên chính thức"), max_length=255, required=False)
    code = forms.CharField(label=_("Mã"), max_length=32)
    valid_from = VietnameseDateField(label=_("Thành lập từ ngày"))


class EndUnitForm(BootstrapMixin, forms.Form):
    last_day = VietnameseDateField(label=_("Ngày cuối cùng hoạt động"))
    reason = forms.CharField(label=_("Lý do, căn cứ"), max_length=255, required=False)


class TransferForm(BootstrapMixin, forms.Form):
    new_parent = UnitChoiceField(
        label=_("Chuyển về trực thuộc"),
        queryset=OrgUnit.objects.none(),
        error_messages={"invalid_choice": _("Đơn vị cấp trên mới không thuộc phạm vi của bạn.")},
    )
    date = VietnameseDateField(label=_("Từ ngày"))

    def __init__(self, *args, user, unit, **kwargs):
        super().__init__(*args, **kwargs)
        choices = OrgUnit.objects.editable_by(user).filter(valid_to=FOREVER).exclude(pk=unit.pk)
        self.fields["new_parent"].queryset = choices.order_by("kind", "name_folded")


class MemberForm(BootstrapMixin, forms.Form):
    unit = UnitChoiceField(
        label=_("Đơn vị"),
        queryset=OrgUnit.objects.none(),
        error_messages={"invalid_choice": _("Đơn vị này không thuộc phạm vi của bạn.")},
    )
    valid_from = VietnameseDateField(label=_("Từ ngày"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = OrgUnit.objects.visible_to(user).filter(valid_to=FOREVER)
        self.fields["unit"].queryset = choices.order_by("kind", "name_folded")
