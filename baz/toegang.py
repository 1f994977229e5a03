"""Who counts as staff: the same bar for /beheer/ and for staff powers elsewhere on the site
(previews of unpublished inspiraties). An app that opens something to staff by an explicit
permission (every network's members-only space) asks `medewerker_met_recht`. Light on
imports: querysets use it."""

import django_otp
from django.conf import settings


def tweestaps_nodig(user) -> bool:
    return user.is_staff and (
        settings.BEHEER_TWEESTAPS or django_otp.user_has_device(user, confirmed=True)
    )


def tweestaps_in_orde(user) -> bool:
    """False for staff who still owe their second factor (OTPMiddleware sets is_verified)."""
    if not tweestaps_nodig(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def als_medewerker(user) -> bool:
    """Staff powers anywhere on the site (previews): the same bar as /beheer/."""
    return user.is_authenticated and user.is_active and user.is_staff and tweestaps_in_orde(user)


def medewerker_met_recht(user, recht: str) -> bool:
    """Staff past their second factor who hold the permission `recht` ("app.codename"), through
    a group or on their own account; superusers hold every permission. Being staff alone is
    not enough: an editor of the Redactie group is staff too."""
    return als_medewerker(user) and user.has_perm(recht)


def eerst_aanmelden(request):
    """The answer for someone who must first log in, or (staff) pass their second factor,
    before this page; None when they may go on. Both come back to this page afterwards."""
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import redirect
    from django.urls import reverse
    from django.utils.http import urlencode

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not tweestaps_in_orde(request.user):
        return redirect(f"{reverse('tweestaps')}?{urlencode({'next': request.get_full_path()})}")
    return None
