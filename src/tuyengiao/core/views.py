from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from tuyengiao.core.once import AlreadySubmitted, once


def apply_validation_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def submit(form, action):
    """Run `action(cleaned_data)` for a valid form; a service's ValidationError lands on the form.

    Returns what the action returned, or None when the form or the service refused the input.
    """
    if not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return None


def submit_once(request, form, action, *, result_url):
    """`submit()` for forms that create things, sent once (see core.once).

    Returns (result, None) — result None when the input was refused — or (None, response) when
    this is a repeat of a send that already succeeded: the response leads to the first result.
    """
    try:
        with once(request) as claim:
            result = submit(form, action)
            if result is not None:
                claim.done(result_url(result))
    except AlreadySubmitted as repeat:
        return None, redirect(repeat.result_url or request.get_full_path())
    return result, None
