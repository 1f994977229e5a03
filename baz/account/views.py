"""Account pages that are not Django's own: login landing where the person works, and the
password reset behind the spam guard."""

from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy

from baz.ratelimiet import beperken
from baz.spamwering import bot_loggen

from .forms import WachtwoordVergetenForm
from .landing import landingspagina


class FoutenGeven400:
    """A form with errors answers 400 here, as on every form of the site."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class Aanmelden(FoutenGeven400, auth_views.LoginView):
    """Django's login; without a `?next=` a person lands where their work is (an app's
    registered landing page, e.g. their own network) instead of on the home page."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landingspagina(self.request.user) or super().get_default_redirect_url()


class WachtwoordInstellen(FoutenGeven400, auth_views.PasswordResetConfirmView):
    template_name = "account/wachtwoord_instellen.html"
    success_url = reverse_lazy("wachtwoord-ingesteld")


class WachtwoordVergeten(FoutenGeven400, auth_views.PasswordResetView):
    """Django's password reset (the same answer whether or not the address is known), with the
    rate limit and spam guard of the other public forms."""

    form_class = WachtwoordVergetenForm
    template_name = "account/wachtwoord_vergeten.html"
    email_template_name = "account/mails/wachtwoord_reset.txt"
    subject_template_name = "account/mails/wachtwoord_reset_onderwerp.txt"
    success_url = reverse_lazy("wachtwoord-verstuurd")

    def post(self, request, *args, **kwargs):
        if te_veel := beperken(request, "wachtwoord"):
            return te_veel
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        if form.is_bot:
            bot_loggen(form, "wachtwoord")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
