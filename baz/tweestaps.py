"""A second factor (TOTP, an authenticator app) for staff, with django-otp.

The admin at /beheer/ lets a staff member in only once the session is verified with a code
from their app, when `BEHEER_TWEESTAPS` is on (the default in production) or when they linked
an app themselves. Codes are throttled by django-otp (1, 2, 4, ... seconds after each wrong
code) and by the shared rate limit. A lost phone: a superuser deletes the colleague's device
in the admin ("authenticator-apps"), after which the colleague links a new app.
"""

import logging
from base64 import b32encode

import django_otp
import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_csv import csv_exporteren
from .ratelimiet import te_vaak
from .toegang import tweestaps_in_orde
from .velden import EenRegelVeld

logger = logging.getLogger(__name__)


class BazAdminSite(admin.AdminSite):
    """Django's admin, closed to staff who still owe their second factor; every list offers
    "Exporteren als CSV" (baz/admin_csv.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_action(csv_exporteren, "csv_exporteren")

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and tweestaps_in_orde(request.user)

    def login(self, request: HttpRequest, extra_context=None):
        user = request.user
        if user.is_active and user.is_staff and not tweestaps_in_orde(user):
            doel = request.GET.get("next") or reverse("admin:index", current_app=self.name)
            return _naar("tweestaps", doel)
        return super().login(request, extra_context)


def _naar(naam: str, doel: str):
    """A redirect to one of the two steps, carrying where the staff member was going."""
    return redirect(f"{reverse(naam)}?{urlencode({'next': doel})}")


class CodeForm(forms.Form):
    code = EenRegelVeld(
        label=gettext_lazy("Code uit je authenticator-app"),
        help_text=gettext_lazy("Zes cijfers; je app maakt elke 30 seconden een nieuwe code."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": gettext_lazy("Vul de code uit je app in.")},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Een code bestaat uit zes cijfers, bijvoorbeeld 123456."))
        return code


def _volgende(request: HttpRequest) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return resolve_url("admin:index")


def _medewerker(request: HttpRequest):
    if not request.user.is_staff:
        raise PermissionDenied
    return request.user


def _controleren(request: HttpRequest, form: CodeForm, apparaat: TOTPDevice) -> int:
    """Check the code against the device: 200 when verified, else the status to answer with
    (the error is on the form)."""
    toegelaten, _info = apparaat.verify_is_allowed()
    if not toegelaten or te_vaak(request, "tweestaps"):
        form.add_error(None, _("Te veel foute codes na elkaar. Wacht even en probeer opnieuw."))
        return 429
    if not apparaat.verify_token(form.cleaned_data["code"]):
        form.add_error("code", _("Deze code klopt niet. Controleer de tijd op je toestel."))
        return 400
    request.session.cycle_key()
    django_otp.login(request, apparaat)
    return 200


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def controle(request: HttpRequest) -> HttpResponse:
    """/account/tweestaps/: the second step after the password."""
    user = _medewerker(request)
    apparaat = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if apparaat is None:
        return _naar("tweestaps-instellen", _volgende(request))
    if user.is_verified():
        return redirect(_volgende(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = _controleren(request, form, apparaat) if form.is_valid() else 400
        if status == 200:
            logger.info("Tweestapsverificatie gelukt voor gebruiker %s.", user.pk)
            return redirect(_volgende(request))
    return render(
        request,
        "registration/tweestaps.html",
        {"form": form, "next": _volgende(request)},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def instellen(request: HttpRequest) -> HttpResponse:
    """/account/tweestaps/instellen/: link an authenticator app (scan, then confirm a code)."""
    user = _medewerker(request)
    if django_otp.user_has_device(user, confirmed=True) and not user.is_verified():
        return _naar("tweestaps", _volgende(request))
    nieuw = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    form = CodeForm(request.POST if request.method == "POST" and "code" in request.POST else None)
    if request.method == "POST" and "starten" in request.POST:
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        TOTPDevice.objects.create(user=user, name=_("Authenticator-app"), confirmed=False)
        return _naar("tweestaps-instellen", _volgende(request))
    status = 200
    if form.is_bound and nieuw:
        status = _controleren(request, form, nieuw) if form.is_valid() else 400
        if status == 200:
            with transaction.atomic():
                TOTPDevice.objects.devices_for_user(user).exclude(pk=nieuw.pk).delete()
                nieuw.confirmed = True
                nieuw.save(update_fields=["confirmed"])
            logger.info("Authenticator-app gekoppeld voor gebruiker %s.", user.pk)
            messages.success(request, _("Je authenticator-app is gekoppeld."))
            return redirect(_volgende(request))
    context = {"form": form, "apparaat": nieuw, "next": _volgende(request)}
    if nieuw:
        sleutel = b32encode(nieuw.bin_key).decode()
        context["sleutel"] = " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))
        svg = segno.make(nieuw.config_url, error="m").svg_inline(
            scale=5, omitsize=True, title=_("QR-code om je authenticator-app te koppelen")
        )
        context["qr"] = svg.replace("<svg ", '<svg role="img" ', 1)
    context["actief"] = django_otp.user_has_device(user, confirmed=True)
    return render(request, "registration/tweestaps_instellen.html", context, status=status)
