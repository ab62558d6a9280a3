"""Forms that create things are sent once, even when the button is clicked twice.

Each such form carries a one-time token (`{% form_token %}`). The view claims the token in the
same transaction as the change: a second request with the same token waits for the first on the
unique index, then is sent to the first one's result instead of creating a twin. A refused form
(bad input) releases its token with the rollback, so the user can correct and send again.
"""

import uuid
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from tuyengiao.core.models import FormSubmission

FIELD = "form_token"


class AlreadySubmitted(Exception):
    def __init__(self, result_url: str):
        super().__init__(result_url)
        self.result_url = result_url


class Claim:
    def __init__(self, submission: FormSubmission | None):
        self.submission = submission
        self.succeeded = False

    def done(self, result_url: str) -> str:
        self.succeeded = True
        if self.submission is not None:
            self.submission.result_url = result_url
            self.submission.save(update_fields=["result_url"])
        return result_url


def previous_result(request) -> str | None:
    """Where a form that already succeeded with this request's token led, if it did."""
    token = token_from(request)
    if token is None:
        return None
    return (
        FormSubmission.objects.filter(token=token, user=request.user)
        .exclude(result_url="")
        .values_list("result_url", flat=True)
        .first()
    )


def token_from(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


@contextmanager
def once(request):
    """`with once(request) as claim:` ... `claim.done(url)` on success. Raises AlreadySubmitted."""
    token = token_from(request)
    with transaction.atomic():
        submission = None
        if token is not None:
            try:
                with transaction.atomic():
                    submission = FormSubmission.objects.create(token=token, user=request.user)
            except IntegrityError:
                first = FormSubmission.objects.filter(token=token, user=request.user).first()
                raise AlreadySubmitted(first.result_url if first else "") from None
        claim = Claim(submission)
        yield claim
        if not claim.succeeded:
            transaction.set_rollback(True)
