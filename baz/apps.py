from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BazConfig(AppConfig):
    name = "baz"
    verbose_name = _("BurgersAanZet")
