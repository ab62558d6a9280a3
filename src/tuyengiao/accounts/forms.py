from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from tuyengiao.accounts.models import Role
from tuyengiao.core.dates import FOREVER
from tuyengiao.orgs.forms import BootstrapMixin, UnitChoiceField
from tuyengiao.orgs.models import OrgUnit


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"


class _AccountFields(BootstrapMixin, forms.Form):
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    title = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=40, required=False)
    unit = UnitChoiceField(
        label=_("Đơn vị"),
        queryset=OrgUnit.objects.none(),
        error_messages={"invalid_choice": _("Đơn vị này không thuộc phạm vi quản lý của bạn.")},
    )
    roles = forms.MultipleChoiceField(
        label=_("Vai trò"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            OrgUnit.objects.editable_by(actor).filter(valid_to=FOREVER).order_by("kind", "name_folded")
        )
        if not actor.is_system_admin:
            self.fields["roles"].choices = [c for c in Role.choices if c[0] != Role.SYSTEM_ADMIN]


class UserCreateForm(_AccountFields):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    field_order = ["username"]


class UserEditForm(_AccountFields):
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, instance, stale=False, **kwargs):
        initial = {
            name: getattr(instance, name)
            for name in (
                "last_name",
                "first_name",
                "email",
                "title",
                "phone",
                "unit",
                "roles",
                "is_active",
                "version",
            )
        }
        super().__init__(*args, initial=initial, **kwargs)
        if stale:
            # After a conflict the user's input stays; saving again applies it over the current version.
            self.data = self.data.copy()
            self.data["version"] = instance.version
