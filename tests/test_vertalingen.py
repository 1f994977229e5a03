"""The project's Dutch catalogue (locale/nl/): the compiled .mo files are committed (a machine
without gettext runs the site too) and must say what the .po files say; and what the
catalogue is for works: the password rules in the site's voice, the admin's missing strings.
"""

import ast
import gettext
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

MAP = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES"
DOMEINEN = ["django", "djangojs"]


def po_lezen(pad: Path) -> dict:
    """The translations of a .po file as gettext keys them in a .mo: msgid (with
    "context\\x04" in front when there is a msgctxt), (msgid, n) for plural forms. Fuzzy and
    untranslated entries are left out, as msgfmt does."""
    catalogus, entry, veld, fuzzy = {}, {}, None, False

    def opslaan():
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            sleutel = entry["msgid"]
            if "msgctxt" in entry:
                sleutel = f"{entry['msgctxt']}\x04{sleutel}"
            vormen = {k: v for k, v in entry.items() if k.startswith("msgstr")}
            if "msgid_plural" in entry:
                if all(vormen.values()):
                    for k, v in vormen.items():
                        catalogus[(sleutel, int(k[7:-1]))] = v
            elif vormen.get("msgstr") or sleutel == "":
                catalogus[sleutel] = vormen["msgstr"]
        entry, fuzzy = {}, False

    for regel in [*pad.read_text(encoding="utf-8").splitlines(), ""]:
        regel = regel.strip()
        if not regel:
            opslaan()
        elif regel.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in regel
        elif regel.startswith("#"):
            continue
        elif regel.startswith('"'):
            entry[veld] += ast.literal_eval(regel)
        else:
            veld, waarde = regel.split(" ", 1)
            if veld in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
                opslaan()
            entry[veld] = ast.literal_eval(waarde)
    return catalogus


@pytest.mark.parametrize("domein", DOMEINEN)
def test_het_gecompileerde_mo_bestand_zegt_wat_het_po_bestand_zegt(domein):
    po = po_lezen(MAP / f"{domein}.po")
    with open(MAP / f"{domein}.mo", "rb") as mo_bestand:
        mo = gettext.GNUTranslations(mo_bestand)._catalog
    assert len(po) > 10
    verschil = {k: (po.get(k), mo.get(k)) for k in po.keys() | mo.keys() if po.get(k) != mo.get(k)}
    assert verschil == {}, (
        f"locale/nl/LC_MESSAGES/{domein}.mo is niet bij: msgfmt --check "
        f"-o locale/nl/LC_MESSAGES/{domein}.mo locale/nl/LC_MESSAGES/{domein}.po"
    )


def test_po_lezen_kent_meervoud_context_en_fuzzy(tmp_path):
    pad = tmp_path / "x.po"
    pad.write_text(
        'msgid ""\nmsgstr "Language: nl\\n"\n\n'
        'msgctxt "maand"\nmsgid "May"\nmsgstr "mei"\n\n'
        'msgid "%d item"\nmsgid_plural "%d items"\nmsgstr[0] "%d ding"\nmsgstr[1] "%d dingen"\n\n'
        '#, fuzzy\nmsgid "Old"\nmsgstr "Oud"\n\n'
        'msgid "Long "\n"text"\nmsgstr ""\n"Lange "\n"tekst"\n\nmsgid "Leeg"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert po_lezen(pad) == {
        "": "Language: nl\n",
        "maand\x04May": "mei",
        ("%d item", 0): "%d ding",
        ("%d item", 1): "%d dingen",
        "Long text": "Lange tekst",
    }


@pytest.fixture
def nederlands():
    with translation.override("nl-be"):
        yield


def test_een_te_kort_wachtwoord_krijgt_de_regel_in_het_nederlands(nederlands, db):
    with pytest.raises(ValidationError) as fout:
        validate_password("kort12")
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten." in fout.value.messages


def test_een_veelgebruikt_of_enkel_numeriek_wachtwoord_in_het_nederlands(nederlands, db):
    with pytest.raises(ValidationError) as fout:
        validate_password("1234567890")
    assert fout.value.messages == [
        "Dit wachtwoord komt te vaak voor.",
        "Dit wachtwoord bestaat alleen uit cijfers.",
    ]


def test_de_wachtwoordregels_spreken_je_aan_niet_u(nederlands):
    regels = password_validators_help_texts()
    assert regels == [
        "Je wachtwoord mag niet te veel lijken op je andere persoonlijke gegevens.",
        "Je wachtwoord moet minstens 10 tekens bevatten.",
        "Je wachtwoord mag geen veelgebruikt wachtwoord zijn.",
        "Je wachtwoord mag niet alleen uit cijfers bestaan.",
    ]


def test_elke_vertaling_spreekt_je_aan_niet_u():
    for domein in DOMEINEN:
        for sleutel, vertaling in po_lezen(MAP / f"{domein}.po").items():
            if sleutel:
                woorden = vertaling.replace("’", " ").replace(",", " ").split()
                assert not {"u", "U", "uw", "Uw"} & set(woorden), vertaling


@pytest.mark.parametrize(
    ("engels", "nederlands_"),
    [
        ("Search %(name)s", "Zoek in %(name)s"),
        ("Filter by %(field_name)s", "Filter op %(field_name)s"),
        ("- Select an option -", "- Kies een optie -"),
        ("Logout", "Afmelden"),
    ],
)
def test_wat_django_in_het_nederlands_mist_vult_de_eigen_catalogus_aan(
    nederlands, engels, nederlands_
):
    assert translation.gettext(engels) == nederlands_


def test_de_javascriptcatalogus_van_het_beheer_bevat_de_eigen_vertalingen(medewerker_client):
    antwoord = medewerker_client.get("/beheer/jsi18n/")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Let op: vul tijden in volgens de tijdzone %(timezone)s." in tekst
    assert '"Today (%(date)s)": "Vandaag (%(date)s)"' in tekst
