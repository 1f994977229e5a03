"""What an export shows of a row; imported by the apps, so it imports nothing of them."""

from django.db import models


def eigen_velden(model: type[models.Model], *weg: str) -> list[str]:
    """The model's own columns (relations left out, and `weg`), so that a field added later is
    exported without anyone remembering to."""
    return [f.name for f in model._meta.concrete_fields if not f.is_relation and f.name not in weg]
