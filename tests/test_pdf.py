"""The core PDF builder: page numbers, title and date on every page, and nothing fetched from
another server."""

import io

import pytest
from django.template import engines
from pypdf import PdfReader

from baz import pdf


def _tekst(inhoud: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.fixture
def template(tmp_path, settings):
    (tmp_path / "proef.html").write_text(
        '{% extends "pdf/basis.html" %}{% block inhoud %}'
        "{% for i in regels %}<p>Regel {{ i }}</p>{% endfor %}"
        '<img src="https://voorbeeld.invalid/spion.png" alt="">'
        '<img src="file:///etc/passwd" alt="">{% endblock %}'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    engines._engines = {}
    yield "proef.html"
    engines._engines = {}


def test_elke_pagina_heeft_titel_nummer_en_datum(template):
    inhoud = pdf.pdf_maken(template, {"regels": range(120)}, titel="Aanwezigheidslijst proef")
    assert inhoud.startswith(b"%PDF-")
    lezer = PdfReader(io.BytesIO(inhoud))
    assert len(lezer.pages) >= 2
    for nummer, pagina in enumerate(lezer.pages, start=1):
        tekst = pagina.extract_text()
        assert "Aanwezigheidslijst proef" in tekst
        assert f"Pagina {nummer} van {len(lezer.pages)}" in tekst
        assert "Gemaakt op" in tekst
    assert "Regel 119" in _tekst(inhoud)


def test_haalt_niets_op_buiten_de_eigen_statische_bestanden(template):
    for url in ("https://voorbeeld.invalid/spion.png", "file:///etc/passwd", "/static/../x"):
        with pytest.raises(pdf.GeenToegang):
            pdf._statisch_bestand(url)
    assert b"@page" in pdf._statisch_bestand("/static/css/pdf.css")
    # The document still renders: refused images are left out, not fatal.
    assert pdf.pdf_maken(template, {"regels": [1]}, titel="Proef").startswith(b"%PDF-")


def test_antwoord_is_een_bijlage_die_niet_bewaard_wordt(template):
    antwoord = pdf.pdf_antwoord(template, {"regels": [1]}, titel="Proef", bestandsnaam="proef.pdf")
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"] == 'attachment; filename="proef.pdf"'
    assert "no-store" in antwoord["Cache-Control"]
