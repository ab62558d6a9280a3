"""E-mails of the reporting workflow: a background job per transition, queued with it (core.jobs)."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from tuyengiao.accounts.models import Role, User

SUBJECTS = {
    "submitted": "[Tuyên giáo] {unit} đã gửi {report}",
    "returned": "[Tuyên giáo] {report} bị trả lại",
    "accepted": "[Tuyên giáo] {report} đã được duyệt",
}


@task()
def transition_email(event_pk: int) -> int:
    """The background job: see `transition`."""
    return transition(event_pk)


def transition(event_pk: int) -> int:
    """Tell the people concerned: the upper unit on a submission, the reporting unit otherwise."""
    from tuyengiao.reporting.models import SubmissionEvent

    event = SubmissionEvent.objects.select_related(
        "submission__unit", "submission__assignment__template", "submission__assignment__assigner"
    ).get(pk=event_pk)
    submission = event.submission
    report = f"{submission.assignment.template.name} — {submission.assignment.period_label}"
    if event.to_status == "submitted":
        unit = submission.assignment.assigner
        roles = (Role.LEADER, Role.SPECIALIST)
    else:
        unit = submission.unit
        roles = (Role.UNIT_OFFICER, Role.LEADER, Role.SPECIALIST)
    recipients = [
        u.email
        for u in User.objects.filter(unit=unit, is_active=True).exclude(email="")
        if u.has_role(*roles)
    ]
    if not recipients:
        return 0
    subject = SUBJECTS.get(event.to_status, "[Tuyên giáo] {report}").format(
        unit=submission.unit, report=report
    )
    lines = [
        f"Báo cáo: {report}",
        f"Đơn vị: {submission.unit}",
        f"Trạng thái: {submission.get_status_display()}",
    ]
    if event.reason:
        lines.append(f"Lý do: {event.reason}")
    return send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
