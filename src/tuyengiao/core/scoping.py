"""Who sees what: the one place that says it.

Every record in the system belongs to an organization unit. A user sees the records of their own
unit and of every unit it is or was responsible for: its subtree, including units that were below
it before a reform and the predecessors of those units (so a commune officer sees the history of
the wards merged into theirs). Editing is narrower: see `editable_by`.

Every view reads through `Model.objects.visible_to(user)` or `.editable_by(user)`; a test walks
every URL as every role.
"""

from django.db import models


class ScopedQuerySet(models.QuerySet):
    #: The lookup path from the model to the unit that owns the record.
    unit_field: str = "unit"

    def _unit_lookup(self, suffix: str) -> str:
        return f"{self.unit_field}__{suffix}" if suffix else self.unit_field

    def visible_to(self, user):
        from tuyengiao.orgs import queries

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_system_admin:
            return self.all()
        if user.unit_id is None:
            return self.none()
        return self.filter(**{self._unit_lookup("in"): queries.responsibility_subquery(user.unit_id)})

    def editable_by(self, user):
        """Records of the user's own unit, for leaders, specialists and unit officers; all for admins."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_system_admin:
            return self.all()
        if user.unit_id is None or not user.can_edit_own_unit:
            return self.none()
        return self.filter(**{self._unit_lookup(""): user.unit_id})
