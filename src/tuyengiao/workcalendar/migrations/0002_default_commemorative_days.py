"""Load the national commemorative days of anniversaries.DEFAULT_EVENTS (rows already there are kept)."""

from django.db import migrations


def load(apps, schema_editor):
    from tuyengiao.workcalendar.anniversaries import DEFAULT_EVENTS

    CommemorativeDay = apps.get_model("workcalendar", "CommemorativeDay")
    for event in DEFAULT_EVENTS:
        CommemorativeDay.objects.get_or_create(
            code=event.code,
            defaults={
                "name": event.name,
                "calendar": event.calendar.value,
                "month": event.month,
                "day": event.day,
                "origin_year": event.origin_year,
                "importance": int(event.importance),
            },
        )


def unload(apps, schema_editor):
    from tuyengiao.workcalendar.anniversaries import DEFAULT_EVENTS

    CommemorativeDay = apps.get_model("workcalendar", "CommemorativeDay")
    CommemorativeDay.objects.filter(code__in=[event.code for event in DEFAULT_EVENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
