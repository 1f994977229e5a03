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

from tests.browser.gegevens import alles_een_keer
from tests.browser.test_toegankelijkheid_beheer import beheerpaginas

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
    # package admins (django-tasks-db, django-otp)
    "Task",
    "Tasks",
    "Database",
    "Backend",
    "name",
    "after",
    "device",
    "devices",
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


# English that comes from code this project does not translate with a catalogue: strings the
# packages do not mark for translation, and what the database holds in English. Each is
# named exactly (with where it comes from), so any other English on the same page still
# fails; see the report of issue 11 for the change each needs.
ENGELS_VAN_ELDERS = [
    # django-otp (the TOTP device admin): help texts, fieldsets, labels, search help.
    re.compile(r"TOTP devices?"),
    re.compile(r"Search by user's [^·]+"),
    *(
        re.escape(tekst)
        for tekst in (
            "The user that this device belongs to.",
            "The human-readable name of this device.",
            "Is this device ready for use?",
            "The date and time when this device was initially created in the system.",
            "The most recent date and time this device was used.",
            "A hex-encoded secret key of up to 40 bytes.",
            "The time step in seconds.",
            "The Unix time at which to begin counting steps.",
            "The number of digits to expect in a token.",
            "The number of time steps in the past or future to allow.",
            "The number of time steps the prover is known to deviate from our clock.",
            "A timestamp of the last failed verification attempt. Null if last attempt succeeded.",
            "Number of successive failed attempts.",
            "Identity",
            "Configuration",
            "Throttling",
            "Timestamps",
            "User",
            "Created at",
            "Last used at",
            "Name",
            # django-tasks-db: its app name, and what its admin does not mark for translation.
            "Tasks Database Backend",
            "Task name",
            "Run after",
            "DBTaskResult object",
            # django-taggit: the "merge tags" action and its form.
            "Merge selected tags",
            "New Tag Name",
            "Enter new or existing tag name",
        )
    ),
]
# Case-insensitive (the browser shows some headings in capitals: "TASKS DATABASE BACKEND"),
# the longest first ("Task name" before "Name").
ENGELS_VAN_ELDERS = [
    re.compile(patroon, re.IGNORECASE)
    for patroon in sorted(
        (p if isinstance(p, str) else p.pattern for p in ENGELS_VAN_ELDERS), key=len, reverse=True
    )
]


def engelse_woorden(tekst: str) -> list[str]:
    """Each English word or phrase in `tekst`, with a little of the text around it."""
    for bekend in ENGELS_VAN_ELDERS:
        tekst = bekend.sub("…", tekst)
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
