from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspiratiemateriaalConfig(AppConfig):
    name = "inspiratiemateriaal"
    verbose_name = _("Inspiratiemateriaal")
