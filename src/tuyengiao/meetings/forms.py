import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuyengiao.meetings import recurrence
from tuyengiao.meetings.models import FileKind, MeetingFormat, MeetingKind
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.forms import BootstrapMixin, VietnameseDateField
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.reporting.forms import PeriodField

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TIME_ERRORS = {"invalid": _("Giờ phải có dạng HH:MM, ví dụ 07:30.")}


def units_below(unit: OrgUnit):
    """The units of a unit's subtree that exist today: connection points and task assignees."""
    today = timezone.localdate()
    return (
        OrgUnit.objects.filter(pk__in=org_queries.responsibility_subquery(unit.pk))
        .exclude(pk=unit.pk)
        .filter(valid_from__lte=today, valid_to__gte=today)
        .order_by("name_folded")
    )


def communes_below(unit: OrgUnit) -> list[OrgUnit]:
    """ "Mọi xã, phường trực thuộc": the communes and wards of a unit's subtree that exist today."""
    return list(units_below(unit).filter(kind=UnitKind.COMMUNE))


class MeetingForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Tên hội nghị"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=MeetingKind.choices)
    format = forms.ChoiceField(label=_("Hình thức"), choices=MeetingFormat.choices)
    date = VietnameseDateField(label=_("Ngày họp"))
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=TIME_ERRORS
    )
    end_time = forms.TimeField(
        label=_("Giờ kết thúc"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=TIME_ERRORS
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    period = PeriodField(label=_("Kỳ được đánh giá"), required=False)
    chair = forms.CharField(label=_("Chủ trì (họ tên, chức vụ)"), max_length=300, required=False)
    speakers = forms.CharField(
        label=_("Báo cáo viên, người phát biểu"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    attendance = forms.IntegerField(
        label=_("Số người dự (lượt)"),
        required=False,
        help_text=_("Để trống với hội nghị trực tuyến: cộng từ các điểm cầu."),
        error_messages={"invalid": _("Nhập một số nguyên.")},
    )
    agenda = forms.CharField(
        label=_("Chương trình"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    minutes = forms.CharField(label=_("Biên bản"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            data["starts_at"] = dt.datetime.combine(day, start, VN)
            data["ends_at"] = dt.datetime.combine(day, end, VN)
        return data


class PointForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=OrgUnit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Đơn vị không thuộc phạm vi của đơn vị tổ chức.")},
    )
    place = forms.CharField(label=_("hoặc địa điểm"), max_length=300, required=False)
    attendance = forms.IntegerField(
        label=_("Số người dự"), required=False, error_messages={"invalid": _("Nhập một số nguyên.")}
    )
    host = forms.CharField(label=_("Người chủ trì điểm cầu"), max_length=200, required=False)

    def __init__(self, *args, organizer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizer is not None:
            self.fields["unit"].queryset = units_below(organizer)

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("unit") or data.get("place") or data.get("attendance") or data.get("host"))


PointFormSet = forms.formset_factory(PointForm, extra=3, max_num=500, validate_max=True)


class ConclusionForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Số thông báo"), max_length=60, required=False, help_text="15-TB/BTGDVTU"
    )
    issued_on = VietnameseDateField(label=_("Ngày ban hành"), required=False)
    summary = forms.CharField(
        label=_("Nội dung chung"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    items = forms.CharField(
        label=_("Các nội dung kết luận"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng một nội dung (Một là…, Hai là…)."),
    )

    def clean_items(self):
        return [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]


class DeleteForm(BootstrapMixin, forms.Form):
    tasks = forms.ChoiceField(
        label=_("Các nhiệm vụ đã giao từ kết luận của hội nghị"),
        choices=[("keep", _("Giữ lại các nhiệm vụ")), ("cancel", _("Hủy các nhiệm vụ"))],
        widget=forms.RadioSelect,
        required=False,
    )


class SeriesForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Tên"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=MeetingKind.choices)
    format = forms.ChoiceField(label=_("Hình thức"), choices=MeetingFormat.choices)
    preset = forms.ChoiceField(
        label=_("Lặp lại"),
        choices=[
            ("", _("— quy tắc riêng (RRULE) —")),
            *((rule, label) for label, rule in recurrence.PRESETS.items()),
        ],
        required=False,
    )
    rrule = forms.CharField(
        label=_("Quy tắc lặp (RRULE)"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: FREQ=MONTHLY;BYDAY=1SU (Chủ nhật đầu tiên hằng tháng)."),
    )
    first_date = VietnameseDateField(label=_("Từ ngày"))
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=TIME_ERRORS
    )
    duration_minutes = forms.IntegerField(
        label=_("Thời lượng (phút)"), initial=120, min_value=1, max_value=1440
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        data["rule"] = data.get("rrule") or data.get("preset")
        if not data["rule"]:
            self.add_error("rrule", _("Chọn cách lặp hoặc nhập quy tắc RRULE."))
        if data.get("first_date") and data.get("start_time"):
            data["first_start"] = dt.datetime.combine(data["first_date"], data["start_time"], VN)
        return data


class ItemAssignForm(BootstrapMixin, forms.Form):
    """One conclusion item → tasks: lead units (or every commune below), support units, deadline."""

    all_below = forms.BooleanField(label=_("Giao cho tất cả xã, phường trực thuộc"), required=False)
    lead = forms.ModelMultipleChoiceField(
        label=_("Đơn vị chủ trì"), queryset=OrgUnit.objects.none(), required=False
    )
    support = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"), queryset=OrgUnit.objects.none(), required=False
    )
    deadline = VietnameseDateField(label=_("Hạn hoàn thành"), required=False)

    def __init__(self, *args, organizer, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_below(organizer)
        self.fields["lead"].queryset = units
        self.fields["support"].queryset = units
        self.fields["lead"].widget.attrs["size"] = 6
        self.fields["support"].widget.attrs["size"] = 4


class FileForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại tệp"), choices=FileKind.choices)
    file = forms.FileField(label=_("Tệp (tài liệu, biên bản)"))


class MoveForm(BootstrapMixin, forms.Form):
    date = VietnameseDateField(label=_("Ngày mới"))
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=TIME_ERRORS
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=500, required=False)
    tasks = forms.ChoiceField(
        label=_("Các nhiệm vụ đã giao từ kết luận của hội nghị"),
        choices=[("keep", _("Giữ lại các nhiệm vụ")), ("cancel", _("Hủy các nhiệm vụ"))],
        widget=forms.RadioSelect,
        required=False,
    )
