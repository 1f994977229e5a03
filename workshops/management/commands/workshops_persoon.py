"""`manage.py workshops_persoon EMAIL [--wissen]`: the older name of `manage.py persoon`, which
exports or erases a person's data in every app, not only in workshops."""

from baz.management.commands.persoon import Command  # noqa: F401
