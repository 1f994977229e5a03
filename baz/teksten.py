"""The texts of the core's own pages (the /over-baz/ page), from BAZ's annual report 2021.

Production text: the demo content (baz/demo/) is for `make run` only.
"""

from textwrap import dedent

# ---------------------------------------------------------------------------
# Over BAZ
# ---------------------------------------------------------------------------

OVER_BAZ = {
    "missie": dedent("""\
        BurgersAanZet (BAZ) kadert in de vermaatschappelijking van de zorg: naast een goed
        uitgebouwde professionele zorg en dienstverlening is er plaats voor een aanvullende,
        complementaire brede welzijnspijler. Die pijler vertrekt van initiatieven van mensen en
        van vrijwillige betrokkenheid op elkaar. Als samenleving zet je daarvoor in op het
        versterken van mensen, het verhogen van verbondenheid en betrokkenheid op elkaar, en het
        vrijwillig engagement van burgers naar burgers.

        Vijf vrijwilligersorganisaties, ArmenTeKort, Eigen Kracht Centrale, Home-Start/Domo, Lus
        vzw en Magenta, namen het initiatief om het samenwerkingsverband BurgersAanZet op te
        zetten. De missie: die welzijnspijler meer in beeld brengen, versterken, uitbreiden en
        ondersteunen. Met projectmiddelen vanuit Welzijn en Samenleving wordt BAZ sinds midden
        2019 uitgerold.

        BAZ richt zich op drie groepen. In de eerste plaats de samenleving zelf: de burger en
        zijn persoonlijk netwerk, formele en informele netwerken, burgerinitiatieven en de vele
        verenigingen en organisaties van het maatschappelijk middenveld (BAZ voor iedereen).
        Daarnaast de brede eerstelijnshulpverlening, die ook een rol speelt in het erkennen en
        promoten van deze welzijnspijler: ook cliënten zijn mensen met krachten, die iets te
        bieden hebben (BAZ in de eerstelijn). En tot slot de lokale besturen, die met de juiste
        randvoorwaarden een voedingsbodem kunnen creëren voor burgerinitiatieven (BAZ Lokaal).

        Burgers, burgerinitiatieven, verenigingen, organisaties en lokale besturen die in het
        domein welzijn en zorg willen inzetten op een of meer modellen van netwerkversterking,
        kunnen bij het inspiratiecentrum BAZ terecht. BAZ vertrekt daarbij van de praktijk en
        keert er ook steeds naar terug.
        """).strip(),
    "cirkels": dedent("""\
        BAZ situeert de welzijnspijler in het model van de concentrische zorgcirkels van de WHO.
        Vertrekpunt is de persoon, met rond zich een direct, dicht persoonlijk netwerk van
        familie en vrienden. Die cirkel zit ingebed in een breder netwerk van de buurt en de
        samenleving, waar iedere persoon als burger een plek heeft (zowel letterlijk als
        figuurlijk) en waar burgerinitiatieven en verenigingen actief zijn als maatschappelijk
        middenveld. Dat zijn de groene en blauwe cirkels.

        Om een goed leven te hebben, heeft ieder van ons naast een stevig sociaal weefsel op
        bepaalde momenten ook professionele ondersteuning nodig: de twee buitenste cirkels, te
        beginnen met een hele waaier aan eerstelijnshulpverlening, aangevuld met gespecialiseerde
        zorg. Elke cirkel is van belang, omdat elke cirkel een eigen bijdrage en meerwaarde
        biedt. Het geheel is ingekaderd in een maatschappijbeeld dat vertaald wordt door een
        overheid, financieringssystemen, de socioculturele context enzovoort.

        BAZ wil de twee binnenste cirkels zichtbaarder maken, versterken en ondersteunen. Daar
        kan elke mens als burger deel uitmaken van de samenleving, van betekenis zijn en bijdragen
        vanuit krachten en capaciteiten; ook wie in een afhankelijkheidspositie zit, krijgt er de
        kans een andere rol op te nemen. Zorg dragen voor elkaar vanuit vrijwillige betrokkenheid
        is complementair aan betaalde zorg. Mensen krijgen er de kans een netwerk uit te bouwen,
        verbonden te zijn en erbij te horen. En burgers hebben krachten om zelf zaken aan te
        pakken, krachten die nu te weinig benut worden of overgenomen zijn door de hulpverlening.
        """).strip(),
    "cirkels_lagen": [
        {
            "naam": "Persoonlijk netwerk",
            "uitleg": (
                "De persoon, met rond zich een direct, dicht persoonlijk netwerk van familie "
                "en vrienden."
            ),
        },
        {
            "naam": "De samenleving",
            "uitleg": (
                "Het bredere netwerk van de buurt en de samenleving, waar iedereen als burger "
                "een plek heeft en waar burgerinitiatieven en verenigingen actief zijn als "
                "maatschappelijk middenveld."
            ),
        },
        {
            "naam": "Eerstelijnshulpverlening",
            "uitleg": (
                "Een hele waaier aan laagdrempelige, kwaliteitsvolle zorg-op-maat, voor de "
                "momenten waarop iemand professionele ondersteuning nodig heeft."
            ),
        },
        {
            "naam": "Gespecialiseerde hulpverlening",
            "uitleg": "Gespecialiseerde zorg, die de eerstelijnshulpverlening aanvult.",
        },
    ],
    "partners": [
        {
            "naam": "ArmenTeKort",
            "beschrijving": (
                "Een van de vijf vrijwilligersorganisaties die BAZ oprichtten. ArmenTeKort (ATK) "
                "leidt kandidaat-buddy's op en brengt een krachtgerichte en netwerkversterkende "
                "werking in."
            ),
            "website": "",
        },
        {
            "naam": "Eigen Kracht Centrale",
            "beschrijving": (
                "Een van de vijf vrijwilligersorganisaties die BAZ oprichtten. BAZ wil haar "
                "krachtgerichte en netwerkversterkende werking, samen met die van ArmenTeKort en "
                "Home-Start, als gezamenlijk aanbod introduceren in de 27 gemeenten van het "
                "arrondissement Turnhout."
            ),
            "website": "",
        },
        {
            "naam": "Home-Start/Domo",
            "beschrijving": (
                "Een van de vijf vrijwilligersorganisaties die BAZ oprichtten. Home-Start zet "
                "buddy's in bij kwetsbare gezinnen en leidt daarvoor kandidaat-buddy's op."
            ),
            "website": "",
        },
        {
            "naam": "Lus vzw",
            "beschrijving": (
                "Een van de vijf vrijwilligersorganisaties die BAZ oprichtten. Lasso, het "
                "Brusselse platform voor cultuurparticipatie, publiceerde in zijn nieuwsbrief "
                "het artikel 'Werken met moeilijk bereikbare volwassenen: Lus vzw'."
            ),
            "website": "",
        },
        {
            "naam": "Magenta",
            "beschrijving": (
                "Een van de vijf vrijwilligersorganisaties die BAZ oprichtten en er hun "
                "praktijkervaring en expertise rond netwerkversterking in inbrengen."
            ),
            "website": "",
        },
    ],
}
