"""Study sessions given as tasks before tasks counted attendance: their open tasks take the
action's target, so the units can report who took part."""

from django.db import migrations


def carry_targets(apps, schema_editor):
    RequiredAction = apps.get_model("documents", "RequiredAction")
    Task = apps.get_model("tasks", "Task")
    given = RequiredAction.objects.filter(target_percent__gt=0, task__isnull=False)
    for action in given.only("task_id", "target_percent").iterator():
        Task.objects.filter(pk=action.task_id, attendance_target__isnull=True).update(
            attendance_target=action.target_percent
        )
        Task.objects.filter(
            parent_id=action.task_id, attendance_target__isnull=True, status__in=["new", "in_progress"]
        ).update(attendance_target=action.target_percent)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_action_as_report"),
        ("tasks", "0004_attendance"),
    ]

    operations = [migrations.RunPython(carry_targets, migrations.RunPython.noop)]
