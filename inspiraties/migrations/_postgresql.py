"""Shared by this app's migrations (Django's loader skips modules whose name starts with _)."""


def alleen_postgresql(statements):
    """A RunPython function that executes `statements` on PostgreSQL and does nothing elsewhere
    (SQLite has no full-text configurations, triggers in plpgsql or TOAST settings)."""

    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return uitvoeren
