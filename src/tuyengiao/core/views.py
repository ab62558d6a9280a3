from django.core.exceptions import ValidationError


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
