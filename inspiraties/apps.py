from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspiratiesConfig(AppConfig):
    name = "inspiraties"
    verbose_name = _("Inspiraties")

    def ready(self) -> None:
        from . import signals

        signals.verbinden()
