"""Staff: overview with attendance, evaluation averages and open cases; CSV; coachingtraject."""

import csv
import io

from django.urls import reverse

from netwerken import services
from netwerken.models import Coachingtraject, Overheidsrol, Zelfevaluatie


def test_overzicht_en_csv(medewerker_client, netwerk, deelnemer, collega, voorbij):
    services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[deelnemer])
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=collega, score=5)
    services.casus_indienen(
        deelnemer=collega, titel="Open vraag", context="C", vraag="V", bijeenkomst=voorbij
    )

    html = medewerker_client.get(
        reverse("admin:netwerken_netwerk_overzicht", args=[netwerk.pk])
    ).content.decode()
    assert "1 / 2" in html
    assert "4,5" in html
    assert "Open vraag" in html

    antwoord = medewerker_client.get(reverse("admin:netwerken_netwerk_csv", args=[netwerk.pk]))
    assert antwoord["Content-Type"].startswith("text/csv")
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["Datum", "Thema", "Aanwezig"]
    assert rijen[1][1:] == ["Kennismaking", "1", "2", "2", "4,5", "1"]


def test_coachingtraject_drie_sessies_en_checklist(medewerker_client, gemeenten):
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_coachingtraject_add"),
        {
            "naam": "Coaching Geel",
            "gemeente": gemeenten["Geel"].pk,
            "doel": "",
            "sessies-TOTAL_FORMS": "0",
            "sessies-INITIAL_FORMS": "0",
            "analysepunten-TOTAL_FORMS": "0",
            "analysepunten-INITIAL_FORMS": "0",
            "zelfevaluaties-TOTAL_FORMS": "0",
            "zelfevaluaties-INITIAL_FORMS": "0",
        },
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    traject = Coachingtraject.objects.get()
    assert [s.get_soort_display() for s in traject.sessies.all()] == [
        "Analyse",
        "Vorming en coaching",
        "Conclusies en afspraken",
    ]
    assert traject.analysepunten.count() == 10
    assert "beleidsdomein" in traject.analysepunten.first().vraag

    Zelfevaluatie.objects.create(
        traject=traject, rol=Overheidsrol.RESPONSIEF, moment="start", score=1
    )
    Zelfevaluatie.objects.create(
        traject=traject, rol=Overheidsrol.RESPONSIEF, moment="einde", score=4
    )
    html = medewerker_client.get(
        reverse("admin:netwerken_coachingtraject_change", args=[traject.pk])
    ).content.decode()
    assert (
        "<th scope='row'>Responsieve, participerende overheid</th><td>1</td><td>4</td>"
        in html.replace('"', "'")
    )
