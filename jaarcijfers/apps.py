from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JaarcijfersConfig(AppConfig):
    name = "jaarcijfers"
    verbose_name = _("Jaarcijfers")
