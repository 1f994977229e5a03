from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BazConfig(AppConfig):
    default = True
    name = "baz"
    verbose_name = _("BurgersAanZet")

    def ready(self):
        from . import beheer, checks, periodiek  # noqa: F401  (checks registers the deployment checks)
        from .persoonsgegevens import register

        # Each app's `persoonsgegevens` module, as the admin finds admin.py.
        register.ontdekken()
        # Each app's `beheer` module: its blocks of the staff start page (baz/beheer.py).
        beheer.ontdekken()
        # Each app's `periodiek` module: its periodic jobs (baz/periodiek.py).
        periodiek.ontdekken()


class BazAdminConfig(admin_apps.AdminConfig):
    """The admin at /beheer/, with the second factor for staff (baz.tweestaps) and the staff
    start page on its index (baz.beheer)."""

    default = False
    default_site = "baz.beheer.BeheerSite"
