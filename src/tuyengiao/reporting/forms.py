from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.orgs.forms import BootstrapMixin, VietnameseDateField
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.reporting.models import SCHEDULE_KINDS, ReportTemplate, TemplateStatus
from tuyengiao.reporting.periods import PeriodParseError, parse_period


class PeriodField(forms.CharField):
    """A reporting period typed as people write it: 2026-M04, 2026-H1, “6 tháng đầu năm 2026”…"""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Ví dụ: 2026-M04, 2026-Q2, 2026-H1, 2026, “6 tháng đầu năm 2026”."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_period(value)
        except PeriodParseError as error:
            raise forms.ValidationError(str(error), code="invalid_period") from None


class TemplateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} · {obj.name} (v{obj.version})"


class AssignmentForm(BootstrapMixin, forms.Form):
    template = TemplateChoiceField(
        label=_("Mẫu báo cáo"),
        queryset=ReportTemplate.objects.none(),
        error_messages={"invalid_choice": _("Mẫu báo cáo không có hoặc chưa áp dụng.")},
    )
    period = PeriodField(label=_("Kỳ báo cáo"))
    unit_kind = forms.ChoiceField(
        label=_("Đơn vị phải nộp"),
        choices=[(k, v) for k, v in UnitKind.choices if k != UnitKind.CENTRE],
        initial=UnitKind.COMMUNE,
        help_text=_("Mọi đơn vị cấp này trực thuộc đơn vị bạn trong kỳ báo cáo."),
    )
    deadline = VietnameseDateField(label=_("Hạn nộp"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = ReportTemplate.objects.visible_to(user).filter(
            status=TemplateStatus.PUBLISHED
        )


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class TemplateImportForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))
    code = forms.CharField(label=_("Mã mẫu"), max_length=40)
    name = forms.CharField(label=_("Tên mẫu"), max_length=255)


class ConsolidationForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=OrgUnit.objects.none(),
        error_messages={"invalid_choice": _("Đơn vị này không thuộc phạm vi của bạn.")},
    )
    period = PeriodField(label=_("Kỳ"))
    template_code = forms.ChoiceField(label=_("Mẫu báo cáo"), choices=())
    statuses = forms.ChoiceField(
        label=_("Tính các báo cáo"),
        initial="accepted",
        choices=[("accepted", _("Đã duyệt")), ("submitted", _("Đã gửi và đã duyệt"))],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.visible_to(user).order_by("kind", "name_folded")
        templates = ReportTemplate.objects.visible_to(user).order_by("code", "-version")
        codes = {}
        for template in templates:
            codes.setdefault(template.code, f"{template.code} · {template.name}")
        self.fields["template_code"].choices = list(codes.items())


class ScheduleForm(BootstrapMixin, forms.Form):
    template = TemplateChoiceField(
        label=_("Mẫu báo cáo"),
        queryset=ReportTemplate.objects.none(),
        error_messages={"invalid_choice": _("Mẫu báo cáo không có hoặc chưa áp dụng.")},
    )
    period_kind = forms.ChoiceField(
        label=_("Định kỳ"),
        choices=SCHEDULE_KINDS,
    )
    deadline_day = forms.IntegerField(
        label=_("Hạn nộp: ngày của tháng sau kỳ"), min_value=1, max_value=31, initial=5
    )
    target_kind = forms.ChoiceField(
        label=_("Đơn vị phải nộp"),
        choices=[(k, v) for k, v in UnitKind.choices if k != UnitKind.CENTRE],
        initial=UnitKind.COMMUNE,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = ReportTemplate.objects.visible_to(user).filter(
            status=TemplateStatus.PUBLISHED
        )
