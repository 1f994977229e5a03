"""The texts of netwerken's pages and the coachingtraject's fixed parts (its three sessions, the
analysis checklist), from BAZ's annual report 2021.

Production text: the demo content (baz/demo/) is for `make run` only.
"""

from textwrap import dedent

# The public introduction of /netwerken/ (BAZ Lokaal).
BAZ_LOKAAL_INTRO = dedent("""\
        BAZ Lokaal begeleidt lokale besturen en clusters van lokale besturen als compagnon de
        route bij het (h)erkennen, uitrollen en versterken van de tweede welzijnspijler in hun
        stad, gemeente of regio. Gemeenten hebben als kernopdracht welzijn voor elke burger te
        garanderen. Dat doen ze met professionele hulpverlening, maar het is ook hun opdracht te
        investeren in een goed uitgebouwde tweede welzijnspijler, die complementair is aan de
        professionele hulpverlening en de burger als echte actor beschouwt.

        ## Lerend netwerk

        In een lerend netwerk komen maximaal een vijftiental deelnemers vijf à zes keer per jaar
        samen. Ze brengen eigen casussen in, wisselen kennis en ervaring uit en zoeken samen naar
        oplossingen. Na elke bijeenkomst volgt een verslag. Het lerend netwerk richt zich tot
        gemeentebesturen of clusters van gemeenten die willen investeren in een tweede
        welzijnspijler, samen met partners zoals intergemeentelijke samenwerkingsverbanden,
        intercommunales, eerstelijnszones, welzijnsschakels, Huizen van het Kind en andere
        burgerinitiatieven. Een eerste proef liep in Geel en het arrondissement Turnhout.

        ## Coachingtraject

        In een coachingtraject van drie sessies (analyse, vorming en coaching, conclusies en
        afspraken) begeleidt BAZ een gemeente bij het bepalen van de rol die ze wil opnemen
        tegenover burgerinitiatieven, en van wat daarvoor nodig is. Het traject is er voor
        medewerkers en bestuurders van steden en gemeenten, beleidsmedewerkers op het terrein,
        burgers en andere relevante stakeholders.
        """).strip()

# ---------------------------------------------------------------------------
# Coachingtraject voor lokale besturen (jaarverslag, regels 1352-1436 en 1131-1178)
# ---------------------------------------------------------------------------

COACHINGTRAJECT = {
    "inleiding": dedent("""\
        BAZ wil lokale besturen die een rol willen opnemen tegenover burgerinitiatieven,
        inspireren en ondersteunen. In het coachingtraject begeleidt BAZ de gemeente om dieper in
        te gaan op de rol die ze wil innemen tegenover burgerinitiatieven, op wat nodig is om die
        rol optimaal op te nemen en op hoe burgerinitiatieven daar wél bij kunnen varen. Het doel
        van het coachingtraject wordt daarom eerst helder geformuleerd.

        Het traject bestaat uit drie sessies, afhankelijk van de behoefte van de gemeente. Aan
        het einde heeft het lokaal bestuur een duidelijk zicht op zijn rol en op hoe het die
        optimaal kan opnemen. Een analyse geeft een overzicht van de voorwaarden waaraan moet
        worden voldaan en van de acties die nodig zijn opdat het burgerinitiatief er de vruchten
        van plukt. Beleidsmedewerkers en burgers krijgen een vorming die hen in staat stelt hun
        rol nog beter op te nemen.

        In de gesprekken met lokale besturen zien we veel gemeenten functioneren als rechtmatige
        of presterende overheid, maar steeds meer bewegen ze naar een netwerkende en
        responsieve, participerende overheid. Dat vraagt een heel andere manier van denken en
        handelen, en vertrouwen in de burger of initiatiefnemer, zodat die actor blijft in een
        als het ware omgekeerde participatie.

        Het coachingtraject is er voor medewerkers en bestuurders van steden en gemeenten die
        willen nadenken, reflecteren, samen leren en inzichten verwerven over het ondersteunen
        van burgerinitiatieven: beleidsmedewerkers die lokaal op het terrein aan de slag zijn,
        burgers en andere relevante stakeholders.
        """).strip(),
    "sessies": [
        {
            "naam": "Analyse",
            "uitleg": (
                "We gaan dieper in op de rol die het lokaal bestuur wil opnemen tegenover de "
                "burgerinitiatieven die het wil ondersteunen. We analyseren de behoeften van de "
                "burgerinitiatieven en bespreken met de beleidsmedewerkers wat ze nodig hebben "
                "om hun rol optimaal te vervullen. Daarna omschrijven we concreet de voorwaarden "
                "en acties die nodig zijn opdat het lokaal bestuur zijn ondersteunende rol "
                "optimaal kan vervullen."
            ),
        },
        {
            "naam": "Vorming en coaching",
            "uitleg": (
                "Verdergaand op de conclusies van de analyse voorziet BurgersAanZet in een "
                "vormingstraject voor de burgers die aan zet zijn en voor de beleidsmedewerkers "
                "die daarbij een coachende rol opnemen. Het gaat om nieuwe inzichten, maar "
                "evengoed om competenties, basishouding en manieren van samenwerken."
            ),
        },
        {
            "naam": "Conclusies en afspraken",
            "uitleg": (
                "Het coachingtraject wordt geëvalueerd op basis van de vooraf afgesproken "
                "doelstellingen. Rekening houdend met de analyse, de vorming en de evaluatie "
                "worden besluiten genomen en toekomstplannen uitgestippeld voor de rol van het "
                "lokaal bestuur tegenover burgerinitiatieven. Ook de verwachtingen van de "
                "gemeente over de rol die BurgersAanZet daarin kan opnemen, worden duidelijk "
                "geformuleerd."
            ),
        },
    ],
    "analyse_checklist": [
        (
            "Binnen welk beleidsdomein valt het burgerinitiatief en welke diensten zijn hierbij "
            "betrokken?"
        ),
        "Wie is bevoegd of verantwoordelijk, en is zijn of haar rol duidelijk omschreven?",
        "Wat is het doel van het burgerinitiatief en hoe wordt dit doel geconcretiseerd?",
        "Wat zijn de processen om het vooropgestelde doel te bereiken?",
        "Wat is de rol van de burger hierin?",
        "Wat is de rol van de beleidsmedewerker (facilitator, regisseur, teacher, ...)?",
        "Hoe ziet de beleidsmedewerker zijn of haar rol evolueren?",
        (
            "Heeft de beleidsmedewerker het gevoel over voldoende capaciteit (competenties, "
            "tijd, middelen) te beschikken?"
        ),
        "Wat zijn de verwachtingen van de vrijwillige burgers zelf ten aanzien van de stad?",
        (
            "Wat zijn de mogelijke verbeteracties opdat de stad de werking van het "
            "burgerinitiatief beter zou kunnen ondersteunen?"
        ),
    ],
    "overheidsrollen": [
        {
            "slug": "rechtmatige-overheid",
            "naam": "Rechtmatige overheid",
            "uitleg": (
                "Het politieke debat bepaalt de publieke belangen. De overheid voert wet- en "
                "regelgeving uit, bewaakt rechten en plichten en stuurt hiërarchisch; "
                "procedurele zorgvuldigheid en goed bestuur staan centraal."
            ),
        },
        {
            "slug": "presterende-overheid",
            "naam": "Presterende overheid",
            "uitleg": (
                "Prestatiesturing (verticaal) en marktdenken: de overheid als bedrijf, de burger "
                "als klant. Effectiviteit en efficiëntie staan centraal; een bepaald goed doel "
                "moet meetbaar zijn."
            ),
        },
        {
            "slug": "netwerkende-overheid",
            "naam": "Netwerkende overheid",
            "uitleg": (
                "De overheid is 'in the lead' en zoekt samenwerking met andere partijen, veelal "
                "koepels. Horizontale samenwerking met gezamenlijke doelen; er wordt "
                "onderhandeld of een compromis gezocht, en afspraken worden vastgelegd in "
                "akkoorden of convenanten."
            ),
        },
        {
            "slug": "responsieve-participerende-overheid",
            "naam": "Responsieve, participerende overheid",
            "uitleg": (
                "Initiatief van onderop en netwerksturing. Overheidsparticipatie (het kan ook "
                "zonder overheid): de overheid biedt ruimte en ondersteuning aan maatschappelijk "
                "initiatief, van georganiseerde maar ook van ongeorganiseerde partijen."
            ),
        },
    ],
}
