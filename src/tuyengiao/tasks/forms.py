from django import forms
from django.utils.translation import gettext_lazy as _


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
        label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}), required=False
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
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
