from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BazConfig(AppConfig):
    default = True
    name = "baz"
    verbose_name = _("BurgersAanZet")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .persoonsgegevens import register

        # Each app's `persoonsgegevens` module, as the admin finds admin.py.
        register.ontdekken()


class BazAdminConfig(admin_apps.AdminConfig):
    """The admin at /beheer/, with the second factor for staff (baz.tweestaps)."""

    default = False
    default_site = "baz.tweestaps.BazAdminSite"
