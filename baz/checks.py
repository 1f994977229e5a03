"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def tweestaps_voor_medewerkers(app_configs, **kwargs):
    if settings.BEHEER_TWEESTAPS:
        return []
    return [
        checks.Warning(
            "BEHEER_TWEESTAPS staat uit: medewerkers komen zonder tweede factor in /beheer/.",
            hint="Zet BEHEER_TWEESTAPS=1 (of laat de variabele weg) in productie.",
            id="baz.W001",
        )
    ]
