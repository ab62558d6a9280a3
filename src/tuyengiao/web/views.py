from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from tuyengiao.orgs import queries
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.reporting import dashboard
from tuyengiao.tasks import dashboard as task_dashboard


def home(request):
    """The user's unit and its subtree at a glance."""
    today = timezone.localdate()
    unit = request.user.unit
    context = {"today": today, "unit": unit}
    if unit is not None:
        counts = dict(
            OrgUnit.objects.filter(pk__in=queries.subtree_subquery(unit.pk, today))
            .exclude(pk=unit.pk)
            .values_list("kind")
            .annotate(n=Count("pk"))
        )
        labels = dict(UnitKind.choices)
        context.update(
            ancestors=queries.ancestors(unit, today),
            counts=[(labels[kind], counts[kind]) for kind in UnitKind.values if counts.get(kind)],
            children=queries.children(unit, today)[:60],
            children_total=queries.children(unit, today).count(),
        )
    context["reports"] = dashboard.for_user(request.user)
    context["work"] = task_dashboard.for_user(request.user)
    return render(request, "web/home.html", context)
