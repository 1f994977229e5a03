"""The apps of installed packages, with Dutch names (INSTALLED_APPS names these configs).

django-otp and django-tasks-db do not mark some of their names for translation, so the
project's catalogue (locale/nl/) cannot reach them: the name of the app ("Otp_Totp", "Tasks
Database Backend"), of the model ("TOTP device") and of its fields ("created at"). Each config
gives them Dutch names at start-up, where Django reads them: the admin's index, lists, forms
and filters, the content types, the history.

Only `verbose_name` changes, never what the migrations hold: the migration state reads a
model's options from `_meta.original_attrs` and a field's name from `field._verbose_name`
(what the package wrote), so `makemigrations --check` stays quiet. Help texts are part of
the migration state: baz/admin_pakketten.py gives them in the admin's forms instead.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as OtpTotpStandaard
from django_tasks_db.apps import TasksAppConfig


def namen_geven(model: type[models.Model], enkelvoud, meervoud, velden: dict) -> None:
    """Give `model` and its fields (field name -> name) Dutch names, for display only."""
    opties = model._meta
    opties.verbose_name = enkelvoud
    opties.verbose_name_plural = meervoud
    for veld, naam in velden.items():
        opties.get_field(veld).verbose_name = naam


class OtpTotpConfig(OtpTotpStandaard):
    """django-otp's TOTP devices: the authenticator apps of staff (baz/tweestaps.py)."""

    verbose_name = _("Tweestapsverificatie")

    def ready(self):
        super().ready()
        namen_geven(
            self.get_model("TOTPDevice"),
            _("authenticator-app"),
            _("authenticator-apps"),
            {
                "user": _("gebruiker"),
                "name": _("naam"),
                "confirmed": _("bevestigd"),
                "key": _("sleutel"),
                "step": _("tijdstap"),
                "t0": _("begintijd"),
                "digits": _("cijfers"),
                "tolerance": _("speling"),
                "drift": _("afwijking"),
                "last_t": _("laatste tijdstap"),
                "throttling_failure_timestamp": _("laatste foute poging"),
                "throttling_failure_count": _("foute pogingen na elkaar"),
                "created_at": _("aangemaakt op"),
                "last_used_at": _("laatst gebruikt op"),
            },
        )


def _taakresultaat_naam(resultaat) -> str:
    return f"{resultaat.task_name} ({resultaat.pk})"


class TakenConfig(TasksAppConfig):
    """django-tasks-db: the results of the background tasks (mail, the worker)."""

    verbose_name = _("Achtergrondtaken")

    def ready(self):
        super().ready()
        # The model has no __str__ of its own ("DBTaskResult object (…)" in the admin).
        resultaat = self.get_model("DBTaskResult")
        if "__str__" not in vars(resultaat):
            resultaat.__str__ = _taakresultaat_naam
