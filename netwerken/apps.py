from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwerkenConfig(AppConfig):
    name = "netwerken"
    verbose_name = _("Netwerken")

    def ready(self) -> None:
        from baz.account import landing

        from .mijn_netwerken import landingspagina

        # After logging in, a member or begeleider lands in their own network.
        landing.registreren(landingspagina)
