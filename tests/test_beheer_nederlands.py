"""No English on any admin page: the server-rendered HTML of every page of /beheer/.

Django's Dutch catalogue lags behind Django (no "Search %(name)s", "Filter by …", "- Select an
option -", …), so the project's own catalogue (locale/nl/) fills in what is missing. This test
walks the same pages as the accessibility sweep (tests/browser/test_toegankelijkheid_beheer.py
builds the list from the URL resolver and `admin.site._registry`), plus a changelist with a
filter chosen and every add form sent empty (the error state), and looks for Django's English
admin strings in what a person sees or hears: the text, and the attributes that are read out
or shown (title, placeholder, aria-label, alt, a button's value). The browser version
(tests/browser/test_beheer_nederlands.py) adds what the admin's JavaScript writes.
"""

import re
from html.parser import HTMLParser

import django_otp
import pytest
from django.contrib.auth.models import Permission
from django.db.migrations.state import ModelState
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult, get_date_max
from taggit.models import Tag

from baz.models import Auditregel
from tests.browser.gegevens import alles_een_keer
from tests.browser.test_toegankelijkheid_beheer import beheerpaginas
from tests.factories import maak_inspiratie

# Django's English admin strings, matched as whole words or phrases, case-insensitively (the
# admin writes some headings in capitals). Not in the list: words that are Dutch too
# ("Filter", "Status", "Model", "Type", "Link", "Tag", "April", "September", …), and function
# words that are ("is", "in", "was", "been", "of").
ENGELSE_WOORDEN = [
    # navigation and header
    "Home",
    "Welcome",
    "View site",
    "View on site",
    "Documentation",
    "Log in",
    "Log out",
    "Logout",
    "Change password",
    "Password change",
    "Toggle navigation",
    "Toggle theme",
    "current theme",
    "Skip to main content",
    "Start typing to filter",
    "Breadcrumbs",
    "Site administration",
    "Django administration",
    "Django site admin",
    # index and history
    "Recent actions",
    "My actions",
    "None available",
    "Unknown content",
    "History",
    "Date/time",
    "User",
    "Action",
    "Add",
    "Change",
    "Delete",
    "Deleted",
    "Added",
    "Changed",
    "Models in the",
    "application",
    # changelist
    "Search",
    "Filter by",
    "By",
    "Clear all filters",
    "Show counts",
    "Hide counts",
    "Show all",
    "All",
    "Any date",
    "Past 7 days",
    "This month",
    "This year",
    "No date",
    "Has date",
    "Select an option",
    "Run the selected action",
    "Go",
    "selected",
    "Select all",
    "Clear selection",
    "results",
    "result",
    "total",
    "Pagination",
    "Previous",
    "Next",
    "Page",
    "Save",
    "Save and add another",
    "Save and continue editing",
    "Save as new",
    "Close",
    "Yes",
    "No",
    "Unknown",
    "Empty",
    "None",
    "entries",
    "True",
    "False",
    # forms
    "Required",
    "This field is required",
    "Please correct",
    "error below",
    "errors below",
    "Currently",
    "Clear",
    "Date:",
    "Time:",
    "Choose",
    "Choose a date",
    "Choose a time",
    "Choose all",
    "Remove",
    "Remove all",
    "Available",
    "Chosen",
    "Today",
    "Now",
    "Yesterday",
    "Tomorrow",
    "Midnight",
    "Noon",
    "Cancel",
    "Note:",
    "timezone",
    "server time",
    "hour ahead",
    "hours ahead",
    "hour behind",
    "hours behind",
    "Enter",
    "Add another",
    "Change selected",
    "Delete selected",
    "View selected",
    "Raw password",
    "Password-based authentication",
    "Enabled",
    "Disabled",
    "Set password",
    "Reset password",
    "Your password",
    "password",
    "Username",
    "characters",
    "at least",
    "Letters, digits",
    "only",
    "Designates",
    "Staff status",
    "Superuser status",
    "Active",
    "Permissions",
    "Groups",
    "Personal info",
    "Important dates",
    "Last login",
    "Date joined",
    "First name",
    "Last name",
    "Email address",
    # delete confirmation
    "Are you sure",
    "Yes, I’m sure",
    "No, take me back",
    "Summary",
    "Objects",
    "would result in deleting",
    "related objects",
    # function words no Dutch sentence has
    "the",
    "and",
    "you",
    "your",
    "this",
    "with",
    "for",
    "are",
    "has",
    "were",
    "which",
    "from",
    "will",
    "would",
    "should",
    "please",
    # package admins (django-tasks-db, django-otp, django-taggit)
    "Task",
    "Tasks",
    "Database",
    "Backend",
    "name",
    "after",
    "device",
    "devices",
    "DBTaskResult",
    "Otp_Totp",
    "Identity",
    "Configuration",
    "State",
    "Throttling",
    "Timestamps",
    "Created",
    "Last used",
    "Confirmed",
    "Digits",
    "Tolerance",
    "Merge",
    # months and days of the calendar
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "August",
    "October",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
]
PATROON = re.compile(
    r"(?<![\w.-])(?:"
    + "|".join(re.escape(w) for w in sorted(set(ENGELSE_WOORDEN), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


# No exceptions: the packages that write English without marking it for translation
# (django-otp, django-tasks-db, django-taggit) get Dutch names in baz/pakketten.py and Dutch
# admins in baz/admin_pakketten.py, so every admin page is held to the whole list above.


def engelse_woorden(tekst: str) -> list[str]:
    """Each English word or phrase in `tekst`, with a little of the text around it."""
    gevonden = []
    for treffer in PATROON.finditer(tekst):
        begin, einde = max(treffer.start() - 30, 0), treffer.end() + 30
        omgeving = " ".join(tekst[begin:einde].split())
        gevonden.append(f"{treffer.group(0)!r} in “…{omgeving}…”")
    return gevonden


def test_de_lijst_vindt_engels_en_laat_nederlands_met_rust():
    assert engelse_woorden("Search inspiraties")
    assert engelse_woorden("FILTER BY status")
    assert engelse_woorden("- Select an option -")
    assert engelse_woorden("Note: Enter times in the Europe/Brussels timezone.")
    assert engelse_woorden("Vandaag | Today")
    nederlands = (
        "Zoek in inspiraties · Filter op status · — Kies een optie — · Vandaag · Nu · "
        "Home-Start/Domo · Status: gepubliceerd · Aanvullen van het formulier · Alles tonen · "
        "Geselecteerd · Ja, ik weet het zeker · Toevoegen · Wijzigen · Verwijderen · Tag · "
        "Typ om te filteren · Geschiedenis · Dit wachtwoord is te kort."
    )
    assert engelse_woorden(nederlands) == []


JA_NEE_ICOON = re.compile(r"/admin/img/icon-(?:yes|no|unknown)\.svg")
ATTRIBUTEN = {"title", "placeholder", "aria-label", "alt"}
KNOPSOORTEN = {"submit", "button", "reset"}
ONZICHTBAAR = {"script", "style", "template", "noscript"}


class ZichtbareTekst(HTMLParser):
    """The text of a page as shown or read out: text nodes outside scripts and styles, and
    the attributes a browser shows (a button's value, a placeholder) or a screen reader
    reads (aria-label, title, alt). Elements that script reveals (class "hidden") count."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self.verborgen = 0

    def handle_starttag(self, tag, attrs):
        if tag in ONZICHTBAAR:
            self.verborgen += 1
        waarden = dict(attrs)
        if tag == "img" and JA_NEE_ICOON.search(waarden.get("src") or ""):
            return  # static/js/beheer.js names these "Ja", "Nee", "Onbekend" (browser test)
        self.delen += [waarden[a] for a in ATTRIBUTEN if waarden.get(a)]
        if tag == "input" and waarden.get("type") in KNOPSOORTEN and waarden.get("value"):
            self.delen.append(waarden["value"])

    def handle_endtag(self, tag):
        if tag in ONZICHTBAAR and self.verborgen:
            self.verborgen -= 1

    def handle_data(self, data):
        if not self.verborgen and data.strip():
            self.delen.append(data)

    @classmethod
    def van(cls, html: str) -> str:
        lezer = cls()
        lezer.feed(html)
        return " · ".join(" ".join(deel.split()) for deel in lezer.delen)


def test_zichtbare_tekst_leest_tekst_en_attributen_maar_geen_scripts():
    html = (
        '<p title="Een titel">Tekst <b>vet</b></p><script>var x = "Search";</script>'
        '<input type="submit" value="Bewaren"><input type="hidden" value="Search">'
        '<input placeholder="Zoeken"><style>.a{content:"Add"}</style>'
    )
    assert ZichtbareTekst.van(html) == "Een titel · Tekst · vet · Bewaren · Zoeken"


def aanmelden_met_tweede_stap(client, user) -> None:
    """Sign a staff member in whose session passed the second step (their app's code)."""
    client.force_login(user)
    sessie = client.session
    sessie[django_otp.DEVICE_ID_SESSION_KEY] = next(
        django_otp.devices_for_user(user, confirmed=True)
    ).persistent_id
    sessie.save()


FILTERLINK = re.compile(
    r'<(?:nav|div) id="changelist-filter".*?<li(?! class="selected")[^>]*>\s*<a href="(\?[^"]+)"',
    re.S,
)


def _engels_op(client, pad: str, *, post: bool = False) -> tuple[int, list[str]]:
    antwoord = client.post(pad, {}) if post else client.get(pad)
    soort = antwoord.headers.get("Content-Type", "")
    if not soort.startswith("text/html"):
        return antwoord.status_code, []
    return antwoord.status_code, engelse_woorden(ZichtbareTekst.van(antwoord.content.decode()))


@pytest.mark.django_db
def test_geen_engels_op_enige_beheerpagina(client, werkmodellen, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    alles = alles_een_keer(werkmodellen)
    aanmelden_met_tweede_stap(client, alles.medewerker)
    client.raise_request_exception = False  # a failing page is listed with the others
    paginas, zonder_object = beheerpaginas(alles.medewerker)
    assert zonder_object == []

    engels, statusfouten, gezien = {}, [], 0
    for pagina in paginas:
        status, gevonden = _engels_op(client, pagina.pad)
        if pagina.los and status != 200:
            continue  # a download, a redirect or a POST-only address: no page
        if status != 200:
            statusfouten.append(f"{pagina.naam}: {pagina.pad} gaf {status}")
        gezien += 1
        if gevonden:
            engels[pagina.naam] = gevonden
        if pagina.naam.endswith(" lijst"):
            # The same list with the first filter option chosen ("Wis alle filters" appears).
            filter_ = FILTERLINK.search(client.get(pagina.pad).content.decode())
            if filter_:
                status, gevonden = _engels_op(client, pagina.pad + filter_.group(1))
                gezien += 1
                if gevonden:
                    engels[f"{pagina.naam} gefilterd"] = gevonden
        if pagina.naam.endswith(" toevoegen"):
            status, gevonden = _engels_op(client, pagina.pad, post=True)
            gezien += 1
            if gevonden:
                engels[f"{pagina.naam}, leeg verstuurd"] = gevonden

    assert engels == {}, "\n".join(f"{naam}: {lijst}" for naam, lijst in engels.items())
    assert statusfouten == []
    assert gezien > 5 * 20  # every model's pages were looked at, not a handful


# --- the packages' names and admins in Dutch (baz/pakketten.py, baz/admin_pakketten.py) ---


@pytest.mark.django_db
def test_de_tweestapsapps_heten_nederlands_in_het_beheer(client, medewerker):
    app = TOTPDevice.objects.create(user=medewerker, name="Telefoon", confirmed=True)
    aanmelden_met_tweede_stap(client, medewerker)  # the admin shows the apps only past it

    html = client.get(reverse("admin:app_list", args=["otp_totp"])).content.decode()
    assert "Tweestapsverificatie" in html
    assert "Authenticator-apps" in html

    html = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "Zoek op de gebruikersnaam of het e-mailadres." in html
    for kolom in ("Gebruiker", "Naam", "Aangemaakt op", "Laatst gebruikt op", "Bevestigd"):
        assert f">{kolom}</a>" in html  # a sortable column header
    assert "Op aangemaakt op" in html  # the title of a filter

    wijzigen = reverse("admin:otp_totp_totpdevice_change", args=[app.pk])
    html = client.get(wijzigen).content.decode()
    for kop in ("App", "Tijdstippen", "Instellingen", "Toestand", "Foute pogingen"):
        assert f">{kop}</h2>" in html
    assert "Wanneer deze app werd aangemaakt." in html  # a read-only field's help
    assert "Hoeveel foute codes er na elkaar kwamen." in html
    assert 'name="key"' not in html  # the keys stay hidden (OTP_ADMIN_HIDE_SENSITIVE_DATA)


def test_de_nederlandse_namen_veranderen_de_migraties_niet():
    """What the migrations compare is what the packages wrote (tests/test_site.py runs
    `makemigrations --check`); the Dutch names are for display only."""
    staat = ModelState.from_model(TOTPDevice)
    assert staat.options["verbose_name"] == "TOTP device"
    assert "verbose_name" not in staat.fields["created_at"].deconstruct()[3]
    assert TOTPDevice._meta.get_field("created_at").verbose_name == "aangemaakt op"


@pytest.mark.django_db
def test_een_taakresultaat_heet_naar_zijn_taak(medewerker_client):
    resultaat = DBTaskResult.objects.create(
        task_path="baz.tasks.mail_versturen",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )
    assert str(resultaat) == f"{resultaat.task_name} ({resultaat.pk})"

    html = medewerker_client.get(reverse("admin:app_list", args=["django_tasks_database"]))
    assert "Achtergrondtaken" in html.content.decode()
    lijst = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    assert ">Taak</a>" in medewerker_client.get(lijst).content.decode()
    wijzigen = reverse("admin:django_tasks_database_dbtaskresult_change", args=[resultaat.pk])
    html = medewerker_client.get(wijzigen).content.decode()
    assert str(resultaat) in html
    assert "Uitvoeren na" in html
    assert "object (" not in html


SAMENVOEGEN = "/beheer/taggit/tag/merge-tags/"


def _kies_themas(client, *themas) -> None:
    antwoord = client.post(
        reverse("admin:taggit_tag_changelist"),
        {"action": "render_tag_form", "_selected_action": [t.pk for t in themas]},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == SAMENVOEGEN


@pytest.mark.django_db
def test_themas_samenvoegen_in_een_gekozen_thema_houdt_zijn_inspiraties(
    medewerker_client, medewerker, werkmodellen
):
    """taggit's own merge dropped the objects of the theme it merged into when that was one
    of the chosen themes; the Dutch page merges without losing any."""
    alleen_soep = maak_inspiratie(themas=("soep",))
    alleen_eten = maak_inspiratie(themas=("eten",))
    beide = maak_inspiratie(themas=("soep", "eten"))
    soep, eten = Tag.objects.get(name="soep"), Tag.objects.get(name="eten")
    _kies_themas(medewerker_client, soep, eten)

    antwoord = medewerker_client.get(SAMENVOEGEN)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "worden samengevoegd" in html
    assert "<li>eten</li>" in html and "<li>soep</li>" in html
    assert 'value="Samenvoegen"' in html

    antwoord = medewerker_client.post(SAMENVOEGEN, {"new_tag_name": "SOEP"})  # any case
    assert antwoord.status_code == 302
    for inspiratie in (alleen_soep, alleen_eten, beide):
        assert [t.name for t in inspiratie.themas.all()] == ["soep"]
    regel = Auditregel.objects.get(actie="taggit.themas_samengevoegd")
    assert (regel.door, regel.object_id, regel.omschrijving) == (medewerker, str(soep.pk), "eten")


@pytest.mark.django_db
def test_themas_samenvoegen_zonder_naam_of_zonder_keuze(medewerker_client, werkmodellen):
    maak_inspiratie(themas=("soep", "eten"))
    _kies_themas(medewerker_client, *Tag.objects.all())

    antwoord = medewerker_client.post(SAMENVOEGEN, {"new_tag_name": ""})
    assert antwoord.status_code == 400
    assert "Dit veld is verplicht." in antwoord.content.decode()

    medewerker_client.post(SAMENVOEGEN, {"new_tag_name": "eten"})  # done: the choice is gone
    antwoord = medewerker_client.post(SAMENVOEGEN, {"new_tag_name": "eten"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("admin:taggit_tag_changelist")
    html = medewerker_client.get(SAMENVOEGEN).content.decode()
    assert "Je koos nog geen thema" in html
    assert "Kies eerst de thema" in html  # the message of the refused merge


@pytest.mark.django_db
def test_themas_samenvoegen_vraagt_het_recht_om_ze_te_wijzigen(client, django_user_model):
    kijker = django_user_model.objects.create_user("kijker", is_staff=True)
    kijker.user_permissions.add(Permission.objects.get(codename="view_tag"))
    client.force_login(kijker)
    lijst = client.get(reverse("admin:taggit_tag_changelist"))
    assert lijst.status_code == 200
    assert "samenvoegen" not in lijst.content.decode()  # no action to offer
    assert client.get(SAMENVOEGEN).status_code == 403
