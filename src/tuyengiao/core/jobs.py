"""Background jobs (django-tasks): queued with the change that asks for them.

With the database backend the job row is written in the caller's transaction: it exists exactly
when the change committed, and `tuyengiao db_worker` runs it afterwards. The immediate backend
would run it on the spot, inside the transaction; there it waits for the commit instead, so a
rolled-back change never sends anything either way.
"""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


def later(task, *args, **kwargs) -> None:
    if isinstance(task.get_backend(), ImmediateBackend):
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
    else:
        task.enqueue(*args, **kwargs)
