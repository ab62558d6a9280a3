"""Helpers shared by every app's services: the one door for writes."""

from django.core.exceptions import ValidationError


class ConflictError(Exception):
    """Someone else saved the record after the user opened it (optimistic concurrency)."""

    def __init__(self, current):
        super().__init__("Bản ghi đã được người khác thay đổi.")
        self.current = current


def audited_save(instance, *, actor, reason: str = "", **kwargs):
    """Save with the actor and reason recorded in the audit trail (django-simple-history)."""
    instance._history_user = actor if getattr(actor, "is_authenticated", False) else None
    instance._change_reason = reason or None
    instance.save(**kwargs)
    return instance


def check_version(instance, expected_version: int | None) -> None:
    """Raise ConflictError when the row's version moved on since the user loaded it."""
    if expected_version is not None and instance.version != expected_version:
        raise ConflictError(instance)


def fail(message, code: str = "invalid", field: str | None = None):
    """Raise a ValidationError in Vietnamese, on a field when one is named."""
    if field:
        raise ValidationError({field: ValidationError(message, code=code)})
    raise ValidationError(message, code=code)
