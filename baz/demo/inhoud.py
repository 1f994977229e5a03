"""Demo-inhoud van het BAZ-platform, als gewone Python-data (nl-BE).

Bron van alle feiten: het jaarverslag 2021 van BurgersAanZet (shared/seed/000_ff623b1c4184b8b0.txt).

- Vier van de 24 inspiraties beschrijft het jaarverslag zelf: Klaverpost, De drie mama's,
  (H)echt Arendonk en ZoJong. Die teksten volgen alleen het jaarverslag (``demotekst`` False).
- De andere twintig zijn echte initiatieven waarover het jaarverslag niets vertelt: hun tekst is
  uitdrukkelijk als demotekst gemarkeerd en bevat geen verzonnen feiten. Bij de vijf
  partnerorganisaties (Eigen Kracht Centrale, Magenta, Homestart-Domo, Lus vzw, ArmenTeKort)
  staat wel wat het jaarverslag over hen zegt. De indeling in werkmodellen, thema's, doelgroepen
  en reikwijdte van de demoteksten is een voorlopige keuze op basis van de naam, alleen bedoeld om
  de catalogus te kunnen uittesten. Ook de reikwijdte 'vlaanderen' van Klaverpost, De drie mama's
  en ZoJong staat niet in het jaarverslag: het noemt voor hen geen plaats.
- De 'Babbelbus' (juni) is NIET de babbel- en activiteitengroep uit Brugge: het jaarverslag
  legt geen verband tussen beide. Het verhaal van de Brugse groep staat apart in
  ``BEGELEIDE_INITIATIEVEN``.
- Waarden die het jaarverslag niet geeft (duur en groepsgrootte van workshops, thema's van de
  bijeenkomsten van het lerend netwerk) zijn demowaarden en staan zo gemarkeerd.
"""

from textwrap import dedent

# ---------------------------------------------------------------------------
# Werkmodellen (jaarverslag, 2.2.1 Positionering van BAZ)
# ---------------------------------------------------------------------------

WERKMODELLEN = {
    "persoonlijke-competentieversterking": {
        "naam": "Persoonlijke competentieversterking",
        "korte_beschrijving": (
            "Mensen vaardigheden bijbrengen om zelf sociale netwerken op te bouwen en te "
            "versterken."
        ),
        "beschrijving": dedent("""\
            Persoonlijke competentieversterking verwijst naar manieren van werken die gericht
            zijn op het bijbrengen van vaardigheden om sociale netwerken op te bouwen en te
            versterken.

            Het vertrekpunt is wat bij mensen zelf aan krachten en talenten aanwezig is. Niet
            iedereen vindt vanzelf de weg naar anderen: wie de eerste stap naar nieuwe contacten
            moeilijk vindt, of telkens terechtkomt in groepen die zich al gezet hebben, heeft
            soms een duwtje in de rug nodig. Samen uitklaren wat iemand graag zou doen en wat
            hij of zij nodig heeft om drempels te overwinnen, hoort daarbij.

            Het model komt uit het overzicht van zeven modellen van netwerkversterking dat Odisee
            in 2018 publiceerde naar aanleiding van een onderzoek bij mensen in armoede. BAZ
            richt zich op de eerste zes modellen; het zevende, netwerkversterking via
            contextgerichte hulpverlening, situeert zich veeleer in een hulpverleningsmodel.
            """).strip(),
    },
    "buddywerking": {
        "naam": "Buddywerking",
        "korte_beschrijving": (
            "Een vrijwillige sleutelfiguur, de buddy, ondersteunt iemand en doet samen dingen "
            "met hem of haar."
        ),
        "beschrijving": dedent("""\
            Bij buddywerking (ook: persoonlijke vriend of buddy) gaat het om het inschakelen van
            een vrijwillige sleutelfiguur die de betrokkene ondersteunt en samen dingen met hem
            of haar doet.

            De manier waarop mensen aan elkaar worden gekoppeld, hangt af van de concrete
            doelstelling of visie. Soms worden mensen gekoppeld op basis van gemeenschappelijke
            interesses, soms wordt een kansrijke buddy gekoppeld aan iemand die geconfronteerd
            wordt met kansarmoede.

            Vanuit de partnerorganisaties van BAZ zien we het al vele jaren: een buddy die mee
            op pad gaat om iets leuks te doen, maakt het verschil. Binnen Home-Start/Domo en
            ArmenTeKort worden kandidaat-buddy's opgeleid. Die opleidingen vertonen veel
            gelijkenissen, wat het idee deed groeien van een gezamenlijke opleiding voor de
            vrijwilligers van de partnerorganisaties.
            """).strip(),
    },
    "persoonlijk-netwerk": {
        "naam": "Persoonlijk netwerk",
        "korte_beschrijving": (
            "Iemand brengt een zelfgekozen netwerk rond zich samen, dat met een vrijwilliger "
            "als facilitator samenwerkt of sociale steun biedt."
        ),
        "beschrijving": dedent("""\
            Dit werkmodel kenmerkt zich doordat de betrokken persoon een zelfgekozen netwerk
            rond zich betrekt. Vaak bestaat dat netwerk uit het natuurlijke netwerk: familie,
            vrienden, ... De persoon en zijn of haar netwerk werken vervolgens samen aan een
            bepaalde kwestie of komen samen om sociale steun te bieden. Het proces wordt
            gefaciliteerd door een vrijwilliger.

            Vanuit de partnerorganisaties van BAZ weten we: een steungroep van gewone mensen
            rondom iemand maakt het verschil. Hulpverleners geven soms aan dat ze niet met de
            betrokken mensen rondom iemand aan de slag gaan als de cliënt aangeeft die niet te
            willen of nodig te hebben. Regie bij de cliënt laten is belangrijk. Maar wat als
            iemand dat zegt uit schaamte, verdriet of boosheid, en vanbinnen net verlangt naar
            contact en verbondenheid?
            """).strip(),
    },
    "lotgenotennetwerk": {
        "naam": "Lotgenotennetwerk",
        "korte_beschrijving": (
            "Mensen met een gedeelde of vergelijkbare levenservaring komen samen in een groep "
            "om elkaar te begrijpen en te steunen."
        ),
        "beschrijving": dedent("""\
            Een lotgenotennetwerk gaat uit van 'peer support': mensen met een gedeelde of
            vergelijkbare levenservaring worden samengebracht in een groep. Lotgenoten kunnen
            elkaar begrijpen, steunen en ervaringen met elkaar delen. Alleen al het begrip voor
            of de erkenning van een ervaring zorgt vaak voor sociale steun.

            Lotgenoten die elkaar vinden en versterken, maken samen het verschil. Het Trefpunt
            Zelfhulp biedt brede ondersteuning aan zelfhulp- en lotgenotengroepen, van de
            opstart tot de uitbouw van een vereniging, en gelooft in de meerwaarde van
            ervaringskennis ten dienste van anderen. BAZ wil daar complementair aan zijn, onder
            meer door ondersteuning te bieden aan lotgenotengroepen die de actieve
            betrokkenheid van kwetsbare mensen willen verhogen.
            """).strip(),
    },
    "vrijwillig-engagement": {
        "naam": "Vrijwillig engagement en vrijwilligerswerk",
        "korte_beschrijving": (
            "Vrijwillig engagement biedt betekenisvolle relaties en de kans om talenten in te "
            "zetten en een betekenisvolle plek in de samenleving in te nemen."
        ),
        "beschrijving": dedent("""\
            Dit model vertrekt vanuit het gegeven dat vrijwillig engagement en vrijwilligerswerk
            betekenisvolle relaties kunnen bieden, en de mogelijkheid om talenten en sterktes in
            te zetten en te ontwikkelen en een betekenisvolle plek in de samenleving in te
            nemen.

            BAZ kijkt daarbij breder dan het officiële vrijwilligerswerk. Burgers zetten ook
            spontaan en informeel initiatieven op, vanuit het geloof dat iedereen iets bij te
            dragen heeft. Vaak benoemen ze dat zelf niet als vrijwilligerswerk en zien ze zichzelf
            niet als 'vrijwilliger', terwijl hun engagement cruciaal is om van onze samenleving
            een zorgzame samenleving te maken. Taal vinden om dat engagement te (h)erkennen, te
            waarderen en kansen te bieden tot groei: daar is het BAZ om te doen.
            """).strip(),
    },
    "community-building": {
        "naam": "Community building",
        "korte_beschrijving": (
            "Het sociaal kapitaal van gemeenschappen, buurten en wijken versterken, met en "
            "vanuit alle betrokkenen."
        ),
        "beschrijving": dedent("""\
            Community building is een model om het sociaal kapitaal in gemeenschappen, buurten
            en wijken te versterken. Het model is gericht op:

            - de participatie van alle betrokkenen;
            - het in kaart brengen van de aanwezige capaciteiten;
            - het bouwen aan relaties tussen de betrokkenen;
            - het verbinden van de capaciteiten;
            - het voeden en soigneren van de gevormde linken;
            - het samen ontwikkelen van nieuwe initiatieven.

            Een groep die vanuit de eigen krachten plannen maakt, maakt het verschil. Het lokale
            niveau is bij uitstek de plek waar mensen zich thuis moeten kunnen voelen, zich
            betrokken weten op elkaar en het gevoel hebben te mogen en kunnen bijdragen. Burgers
            zijn experts over hun eigen buurt en van daaruit goed geplaatst om van de plek waar
            ze wonen een betere plek te maken.
            """).strip(),
    },
}

# ---------------------------------------------------------------------------
# Doelgroepen
# ---------------------------------------------------------------------------

DOELGROEPEN = [
    ("jongeren", "Jongeren"),
    ("ouderen", "Ouderen"),
    ("gezinnen", "Gezinnen met kinderen"),
    ("mensen-in-armoede", "Mensen in armoede"),
    ("mensen-in-een-kwetsbare-situatie", "Mensen in een kwetsbare situatie"),
    ("mantelzorgers", "Mantelzorgers"),
    ("nieuwkomers", "Nieuwkomers"),
    ("mensen-met-een-beperking", "Mensen met een beperking"),
    ("buurtbewoners", "Buurtbewoners"),
    ("rouwenden", "Rouwenden en nabestaanden"),
]

# ---------------------------------------------------------------------------
# Inspiraties 2021 (twee per maand, in de volgorde van het jaarverslag)
# ---------------------------------------------------------------------------

_DEMO_SLOT = (
    "Deze pagina bevat nog geen inhoudelijke beschrijving van het initiatief zelf. De "
    "indeling in werkmodellen, thema's en doelgroepen is voorlopig en dient alleen om de "
    "catalogus te kunnen uitproberen."
)

_PARTNERS_ZIN = (
    "BurgersAanZet werd opgericht door vijf vrijwilligersorganisaties: ArmenTeKort, Eigen "
    "Kracht Centrale, Home-Start/Domo, Lus vzw en Magenta. BAZ bouwt verder op de "
    "praktijkervaring en expertise die in die partnerorganisaties is opgebouwd rond diverse "
    "modellen van netwerkversterking. Binnen elk van de partners zijn ook zeer veel "
    "mantelzorgers actief."
)


def _demo_kop(maand: str) -> str:
    return (
        f"*Demotekst: dit is een voorbeeldbeschrijving. BAZ publiceerde deze inspiratie in "
        f"{maand} 2021; de echte beschrijving volgt.*"
    )


def _demo_verhaal(titel: str, maand: str) -> str:
    return "\n\n".join(
        [
            _demo_kop(maand),
            f"'{titel}' is een van de 24 inspirerende voorbeelden die BurgersAanZet in 2021 "
            "verzamelde en op zijn website publiceerde: voorbeelden waarbij burgers vanuit een "
            "vrijwillig engagement iets doen voor elkaar en op een gewone manier zorg dragen "
            "voor elkaar.",
            _DEMO_SLOT,
        ]
    )


def _demo_samenvatting(maand: str) -> str:
    return (
        f"Inspiratie die BAZ in {maand} 2021 publiceerde. Dit is een demotekst: de volledige "
        "beschrijving van dit initiatief volgt."
    )


def _partner_samenvatting(naam: str) -> str:
    return (
        f"{naam} is een van de vijf vrijwilligersorganisaties die BurgersAanZet oprichtten. "
        "Dit is een demotekst: de volledige beschrijving volgt."
    )


INSPIRATIES = [
    # --- januari ---------------------------------------------------------------
    {
        "titel": "Paraat in mijn straat",
        "slug": "paraat-in-mijn-straat",
        "maand": 1,
        "samenvatting": _demo_samenvatting("januari"),
        "verhaal": _demo_verhaal("Paraat in mijn straat", "januari"),
        "werkmodellen": ["community-building", "vrijwillig-engagement"],
        "themas": ["buurt", "ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Eigen Kracht Centrale",
        "slug": "eigen-kracht-centrale",
        "maand": 1,
        "samenvatting": _partner_samenvatting("Eigen Kracht Centrale"),
        "verhaal": "\n\n".join(
            [
                _demo_kop("januari"),
                _PARTNERS_ZIN,
                "In het arrondissement Turnhout wilden de partners van BAZ de krachtgerichte en "
                "netwerkversterkende werking van ArmenTeKort, Home-Start en Eigen Kracht "
                "Centrale in een gezamenlijk aanbod introduceren in de 27 gemeenten van het "
                "arrondissement en lokaal verankeren. Daarbij werd ook onderzocht of een "
                "gezamenlijke opleiding voor de vrijwilligers van de drie organisaties mogelijk "
                "is.",
            ]
        ),
        "werkmodellen": ["persoonlijk-netwerk"],
        "themas": ["netwerkversterking", "krachtgericht werken"],
        "doelgroepen": ["mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Eigen Kracht Centrale",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- februari --------------------------------------------------------------
    {
        "titel": "Doorgeefvaas",
        "slug": "doorgeefvaas",
        "maand": 2,
        "samenvatting": _demo_samenvatting("februari"),
        "verhaal": _demo_verhaal("Doorgeefvaas", "februari"),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["ontmoeting", "welzijn"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Magenta",
        "slug": "magenta",
        "maand": 2,
        "samenvatting": _partner_samenvatting("Magenta"),
        "verhaal": "\n\n".join(
            [
                _demo_kop("februari"),
                _PARTNERS_ZIN,
                "Net omdat de partnerorganisaties zelf actief zijn in dit veld, kan BAZ vanuit "
                "jarenlange praktijkervaring een coachende rol opnemen tegenover burgers, "
                "groepen van burgers en lokale besturen.",
            ]
        ),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["vrijwilligerswerk", "netwerkversterking"],
        "doelgroepen": ["mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Magenta",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- maart -----------------------------------------------------------------
    {
        "titel": "Homestart-Domo",
        "slug": "homestart-domo",
        "maand": 3,
        "samenvatting": _partner_samenvatting("Home-Start/Domo"),
        "verhaal": "\n\n".join(
            [
                _demo_kop("maart"),
                _PARTNERS_ZIN,
                "Home-Start zet buddy's in bij kwetsbare gezinnen; in Brasschaat bijvoorbeeld "
                "werkt de gemeente al langer met burgers samen via onder meer Home-Start-buddy's. "
                "De opleiding van kandidaat-buddy's binnen Home-Start/Domo en ArmenTeKort "
                "vertoont veel gelijkenissen, wat het idee deed groeien van een gezamenlijke "
                "opleiding voor vrijwilligers van de partnerorganisaties.",
            ]
        ),
        "werkmodellen": ["buddywerking", "vrijwillig-engagement"],
        "themas": ["gezin", "vrijwilligerswerk"],
        "doelgroepen": ["gezinnen", "mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Home-Start/Domo",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Chateau superette",
        "slug": "chateau-superette",
        "maand": 3,
        "samenvatting": _demo_samenvatting("maart"),
        "verhaal": _demo_verhaal("Chateau superette", "maart"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting", "buurt"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- april -----------------------------------------------------------------
    {
        "titel": "Grondig Anders",
        "slug": "grondig-anders",
        "maand": 4,
        "samenvatting": _demo_samenvatting("april"),
        "verhaal": _demo_verhaal("Grondig Anders", "april"),
        "werkmodellen": ["community-building"],
        "themas": ["buurt"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        # Jaarverslag, regels 421-439.
        "titel": "Klaverpost",
        "slug": "klaverpost",
        "maand": 4,
        "samenvatting": (
            "Via Klaverpost vraag je kaartjes aan voor iemand anders of verstuur je er zelf. "
            "Marleen startte het initiatief omdat ze de eenzaamheid rondom zich zag toenemen, "
            "zeker in tijden van corona."
        ),
        "verhaal": dedent("""\
            Klaverpost is een initiatief van Marleen, een vrouw die graag brieven schrijft. Ze
            deed dat al via heel wat andere projecten, onder meer Traliepost van Bond zonder Naam
            en 'Liefdevolle post'. Al snel besefte ze dat ze zelf ook iets dergelijks op poten
            wilde zetten: ze zag de eenzaamheid rondom zich toenemen, zeker in tijden van corona.

            Via Klaverpost kun je kaartjes voor anderen aanvragen en/of zelf kaartjes versturen.
            Zo creëert Klaverpost kleine geluksmomentjes. Want volgens Marleen kan één kaartje al
            het verschil maken; daar is ze rotsvast van overtuigd.

            Het klavertjevier is het symbool van hoop, vertrouwen, liefde en geluk. Het voelt
            goed om een kaartje aan te vragen voor een ander. En het voelt goed om een mooie
            tekst te zoeken, zelf creatief te zijn, een kaartje te schrijven voor een ander en
            het in de rode of gele brievenbus te laten vallen.
            """).strip(),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["eenzaamheid", "corona", "welzijn"],
        "doelgroepen": ["mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Marleen",
        "website": "",
        "demotekst": False,
        "uitgelicht": True,
    },
    # --- mei -------------------------------------------------------------------
    {
        "titel": "Buurtpunt Nijlen",
        "slug": "buurtpunt-nijlen",
        "maand": 5,
        "samenvatting": _demo_samenvatting("mei"),
        "verhaal": _demo_verhaal("Buurtpunt Nijlen", "mei"),
        "werkmodellen": ["community-building", "vrijwillig-engagement"],
        "themas": ["buurt", "ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "antwerpen",
        "gemeente": "Nijlen",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Kom voor de soep",
        "slug": "kom-voor-de-soep",
        "maand": 5,
        "samenvatting": _demo_samenvatting("mei"),
        "verhaal": _demo_verhaal("Kom voor de soep", "mei"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- juni ------------------------------------------------------------------
    {
        # Niet te verwarren met de babbel- en activiteitengroep uit Brugge (zie
        # BEGELEIDE_INITIATIEVEN): het jaarverslag beschrijft de Babbelbus niet.
        "titel": "Babbelbus",
        "slug": "babbelbus",
        "maand": 6,
        "samenvatting": _demo_samenvatting("juni"),
        "verhaal": _demo_verhaal("Babbelbus", "juni"),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        # Jaarverslag, regels 450-469 ('Hecht Arendonk' in de lijst, regel 407).
        "titel": "(H)echt Arendonk",
        "slug": "hecht-arendonk",
        "maand": 6,
        "samenvatting": (
            "(H)echt Arendonk is een netwerk waarin inwoners van Arendonk elkaar ontmoeten, "
            "helpen en steunen, van hand- en spandiensten tot een luisterend oor. Iedereen kan "
            "er zowel geven als vragen."
        ),
        "verhaal": dedent("""\
            (H)echt Arendonk is een netwerk van mensen waarbij elke inwoner van Arendonk kan
            aansluiten, ongeacht leeftijd, afkomst, geslacht of opleiding. In dit netwerk
            ontmoeten, helpen en steunen de deelnemers elkaar op velerlei manieren: met hand- en
            spandiensten, een gezellige babbel, een groepsuitje, een luisterend oor, een gouden
            raad ...

            Er gebeurt heel wat binnen (H)echt Arendonk: uitwisseling van vraag en aanbod,
            werkgroepen, leuke en leerzame activiteiten en maandelijkse groepsbijeenkomsten. Er
            zijn een-op-eencontacten en contacten in kleine groepjes, formele en informele
            samenkomsten, echte werkvergaderingen en koffiekletsmomenten. Dat alles krijgt vorm
            in een dialoog tussen de kerngroep en de deelnemers. Er mogen zijn met heel je hebben
            en houden, en dat ook kunnen en mogen inzetten, zorgt voor een sterke verbondenheid.

            De belangrijkste principes zijn wederkerigheid en vertrekken vanuit de mogelijkheden
            van de deelnemers. Je kunt er zowel geven als vragen, en er wordt gezocht naar een
            balans daarin: niet zozeer 'voor wat hoort wat', wel een evenwicht binnen het netwerk
            zelf. Ieder van ons heeft altijd wel iets te bieden en heeft soms ook iets nodig, en
            kan dat inzetten binnen het netwerk. Allemaal gratis en uit vrije wil.
            """).strip(),
        "werkmodellen": ["community-building", "vrijwillig-engagement"],
        "themas": ["ontmoeting", "buurt", "wederkerigheid"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "antwerpen",
        "gemeente": "Arendonk",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": False,
        "uitgelicht": False,
    },
    # --- juli ------------------------------------------------------------------
    {
        "titel": "Lus vzw",
        "slug": "lus-vzw",
        "maand": 7,
        "samenvatting": _partner_samenvatting("Lus vzw"),
        "verhaal": "\n\n".join(
            [
                _demo_kop("juli"),
                _PARTNERS_ZIN,
                "Lasso, het Brusselse platform voor cultuurparticipatie, nodigde BAZ uit voor "
                "een workshop op zijn inspiratiedag. Toen die door de coronamaatregelen werd "
                "afgelast, verscheen in de nieuwsbrief van Lasso het artikel 'Werken met "
                "moeilijk bereikbare volwassenen: Lus vzw'.",
            ]
        ),
        "werkmodellen": ["persoonlijke-competentieversterking"],
        "themas": ["netwerkversterking", "participatie"],
        "doelgroepen": ["mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Lus vzw",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "ArmenTeKort",
        "slug": "armentekort",
        "maand": 7,
        "samenvatting": _partner_samenvatting("ArmenTeKort"),
        "verhaal": "\n\n".join(
            [
                _demo_kop("juli"),
                _PARTNERS_ZIN,
                "ArmenTeKort (ATK) leidt kandidaat-buddy's op. Brasschaat werkt al langer samen "
                "met burgers, onder meer via de opleiding van ArmenTeKort. In Wetteren werkten "
                "BAZ en ATK mee aan de besprekingen met burgers die een werking met kracht- en "
                "netwerkversterkende vrijwilligers wilden opstarten.",
            ]
        ),
        "werkmodellen": ["buddywerking"],
        "themas": ["armoede", "vrijwilligerswerk"],
        "doelgroepen": ["mensen-in-armoede"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "ArmenTeKort",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- augustus --------------------------------------------------------------
    {
        "titel": "Circuit Sortie",
        "slug": "circuit-sortie",
        "maand": 8,
        "samenvatting": _demo_samenvatting("augustus"),
        "verhaal": _demo_verhaal("Circuit Sortie", "augustus"),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["mensen-in-een-kwetsbare-situatie"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        # Jaarverslag, regels 441-448.
        "titel": "De drie mama's",
        "slug": "de-drie-mamas",
        "maand": 8,
        "samenvatting": (
            "Drie moeders die elk een zoon verloren aan zelfdoding, zetten zich in voor het "
            "psychologisch welzijn van jongeren, onder meer met pannenkoekenverkopen ten voordele "
            "van het Centrum ter Preventie van Zelfdoding."
        ),
        "verhaal": dedent("""\
            De drie mama's hebben elk een zoon verloren aan zelfdoding. Nu zetten ze zich in voor
            goede doelen die een link hebben met het psychologisch welzijn van jongeren. Zo
            organiseerden ze al verschillende keren een pannenkoekenverkoop ten voordele van het
            Centrum ter Preventie van Zelfdoding.

            Heel wat mensen steunden hen bij die acties. Niet alleen door pannenkoeken te kopen,
            maar ook met hun verhalen, hun warmte, hun bemoedigende woorden en hun bewondering
            voor de inzet van de drie mama's, zeker na wat ze meegemaakt hebben.

            Door hun aanwezigheid en hun openheid over de zelfdoding van hun zonen willen de drie
            mama's vooral lotgenoten helpen. Zo willen ze zelfdoding bespreekbaar maken en het
            taboe doorbreken dat er nog steeds rond bestaat.
            """).strip(),
        "werkmodellen": ["lotgenotennetwerk", "vrijwillig-engagement"],
        "themas": ["rouw", "mentaal welzijn", "zelfdodingspreventie"],
        "doelgroepen": ["rouwenden", "jongeren"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "De drie mama's",
        "website": "",
        "demotekst": False,
        "uitgelicht": False,
    },
    # --- september -------------------------------------------------------------
    {
        "titel": "Sint-Pieters Deelt",
        "slug": "sint-pieters-deelt",
        "maand": 9,
        "samenvatting": _demo_samenvatting("september"),
        "verhaal": _demo_verhaal("Sint-Pieters Deelt", "september"),
        "werkmodellen": ["community-building"],
        "themas": ["buurt", "delen"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Ensemble",
        "slug": "ensemble",
        "maand": 9,
        "samenvatting": _demo_samenvatting("september"),
        "verhaal": _demo_verhaal("Ensemble", "september"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- oktober ---------------------------------------------------------------
    {
        # Jaarverslag, regels 560-568 ('Zolong' in de lijst, regel 415, is ZoJong).
        "titel": "ZoJong",
        "slug": "zojong",
        "maand": 10,
        "samenvatting": (
            "ZoJong is een burgerinitiatief van jonge mensen die zelf mantelzorger zijn of "
            "waren. BurgersAanZet ondersteunde en coachte het als pilootproject."
        ),
        "verhaal": dedent("""\
            Het project ZoJong is een burgerinitiatief pur sang. Enkele jonge mensen die zelf
            mantelzorger zijn of waren, startten het op en ontwikkelden onder meer een website.

            Een van de initiatiefneemsters is Julie. Zij spreidt haar studies over meer jaren, om
            genoeg tijd te hebben om zich volledig vrijwillig in te zetten voor ZoJong.

            BurgersAanZet ondersteunde en coachte ZoJong als pilootproject. In de zoektocht naar
            financiële middelen, maar ook in het nadenken over hoe ZoJong verder wil groeien, wil
            BAZ een partner zijn.
            """).strip(),
        "werkmodellen": ["lotgenotennetwerk", "vrijwillig-engagement"],
        "themas": ["mantelzorg", "jongeren"],
        "doelgroepen": ["mantelzorgers", "jongeren"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "vlaanderen",
        "initiatiefnemer": "Jonge (ex-)mantelzorgers, onder wie Julie",
        "website": "https://www.zojong.be/",
        "demotekst": False,
        "uitgelicht": False,
    },
    {
        "titel": "De achthoek",
        "slug": "de-achthoek",
        "maand": 10,
        "samenvatting": _demo_samenvatting("oktober"),
        "verhaal": _demo_verhaal("De achthoek", "oktober"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- november --------------------------------------------------------------
    {
        "titel": "De volle aflaat",
        "slug": "de-volle-aflaat",
        "maand": 11,
        "samenvatting": _demo_samenvatting("november"),
        "verhaal": _demo_verhaal("De volle aflaat", "november"),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["welzijn"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Trivelo",
        "slug": "trivelo",
        "maand": 11,
        "samenvatting": _demo_samenvatting("november"),
        "verhaal": _demo_verhaal("Trivelo", "november"),
        "werkmodellen": ["vrijwillig-engagement"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    # --- december --------------------------------------------------------------
    {
        "titel": "Enchante",
        "slug": "enchante",
        "maand": 12,
        "samenvatting": _demo_samenvatting("december"),
        "verhaal": _demo_verhaal("Enchante", "december"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
    {
        "titel": "Cabane Banane",
        "slug": "cabane-banane",
        "maand": 12,
        "samenvatting": _demo_samenvatting("december"),
        "verhaal": _demo_verhaal("Cabane Banane", "december"),
        "werkmodellen": ["community-building"],
        "themas": ["ontmoeting"],
        "doelgroepen": ["buurtbewoners"],
        "provincie": "",
        "gemeente": "",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "",
        "website": "",
        "demotekst": True,
        "uitgelicht": False,
    },
]

# Initiatieven die BAZ in 2021 coachte en die het jaarverslag beschrijft, maar die niet in de
# lijst van 24 inspiraties staan. Zelfde sleutels als INSPIRATIES, zonder "maand" en
# "uitgelicht". Optioneel te gebruiken; niet nodig voor de catalogus.
BEGELEIDE_INITIATIEVEN = [
    {
        # Jaarverslag, regels 531-558.
        "titel": "Babbel- en activiteitengroep uit Brugge",
        "slug": "babbel-en-activiteitengroep-brugge",
        "samenvatting": (
            "Een groep die Bart begin 2020 via Facebook oprichtte om in een veilige omgeving "
            "contact te hebben met anderen. BAZ coachte de groep in 2021 bij het organiseren "
            "van fysieke bijeenkomsten."
        ),
        "verhaal": dedent("""\
            Bart was op zoek naar vriendschappelijk contact met andere mensen. Begin 2020 richtte
            hij samen met een kleine kerngroep een groep op via Facebook, waar mensen in een
            veilige omgeving met elkaar konden chatten als ze daar nood aan hadden.

            Bart: "Ik heb zelf een lichte beperking en wilde meer contacten met mensen. Het is
            fijn om berichten te delen in de groep. Af en toe spreken we met een klein groepje af
            om een uitstap te maken." De groep telt ondertussen 222 leden. Iedereen is welkom, ook
            mensen zonder beperking. Bart: "In de kerngroep overleggen we goed met elkaar en
            verdelen we het werk. Iedereen heeft zijn eigen talenten en kan die inzetten. Een
            aantal mensen zorgen bijna dagelijks voor een mooie ochtend- en avondgroet."

            Bart heeft zijn netwerk ondertussen uitgebreid met een paar mooie vriendschappen.
            Maar hij wilde ook andere mensen de kans geven om hun talenten in te zetten en
            contacten te leggen. BAZ coachte de groep in 2021 om ook fysieke bijeenkomsten te
            organiseren. Op 16 oktober 2021 vond een eerste grote fysieke bijeenkomst plaats: er
            kwamen 75 mensen en ook de burgemeester van Brugge was aanwezig.

            BAZ ondersteunde de groep om zelf de weg te zoeken, de eigen talenten in te zetten en
            om te gaan met conflicten. Vooral op moeilijke momenten was het een uitdaging om de
            regie bij de groep te laten. De partners die mee in bad gingen, deden dat met respect
            voor het eigenaarschap van de groep.
            """).strip(),
        "werkmodellen": ["community-building", "vrijwillig-engagement"],
        "themas": ["ontmoeting", "eenzaamheid"],
        "doelgroepen": ["mensen-met-een-beperking"],
        "provincie": "west-vlaanderen",
        "gemeente": "Brugge",
        "reikwijdte": "lokaal",
        "initiatiefnemer": "Bart",
        "website": "",
        "demotekst": False,
    },
]

# ---------------------------------------------------------------------------
# Workshops
# ---------------------------------------------------------------------------

WORKSHOPS = [
    {
        # Jaarverslag, regels 628-673 en 879-903.
        "titel": "Iedereen welkom in jouw vereniging",
        "slug": "iedereen-welkom-in-jouw-vereniging",
        "doelpublieken": ["verenigingen"],
        "werkmodellen": ["vrijwillig-engagement"],
        "formaat": "beide",
        "duur_minuten": 150,
        "groepsgrootte_min": 6,
        "groepsgrootte_max": 20,
        "samenvatting": (
            "Een workshop voor lokale verenigingen die samen met hun (bestuurs)leden willen "
            "nadenken over drempels en stappen willen zetten om iedereen welkom te heten."
        ),
        "beschrijving": dedent("""\
            BAZ werkte deze workshop uit op basis van de expertise van de partnerorganisaties en
            de ervaringen van mensen in kwetsbare situaties. Hij richt zich tot lokale
            verenigingen die samen met hun (bestuurs)leden willen nadenken en stappen willen
            zetten om hun vereniging inclusiever te maken en iedereen welkom te heten.

            Vertrekpunt zijn verhalen van mensen in kwetsbare situaties over positieve en
            negatieve ervaringen met het verenigingsleven, gebundeld als 'Acht verhalen over
            deelnemen' (werktitel). Ze brengen de drempels haarscherp in beeld en vormen het
            startpunt van een kritische zelfreflectie. Wat de verhalen vooral leren: er is nooit
            een kant-en-klare oplossing, en wat voor de ene persoon goed werkt, is voor de andere
            misschien een drempel. Individueel afstemmen en het gesprek aangaan kwam in elk
            gesprek als tip naar boven.

            BAZ richt zich in het bijzonder tot toneel-, jeugd-, sport- en natuurverenigingen:
            uit de interviews bleek dat mensen in kwetsbare situaties net bij dat soort
            verenigingen aansluiting zoeken. De workshop kan zowel online als live
            georganiseerd worden.
            """).strip(),
        "leerdoelen": [
            "Drempels herkennen die mensen in kwetsbare situaties ervaren in het verenigingsleven",
            "Kritisch reflecteren op de eigen werking aan de hand van verhalen over deelnemen",
            "Individueel afstemmen en het gesprek aangaan in plaats van één kant-en-klare aanpak",
            "Concrete stappen bepalen om de eigen vereniging inclusiever te maken",
        ],
        "opmerking": (
            "Duur (150 minuten) en groepsgrootte (6 tot 20) zijn demowaarden: het jaarverslag "
            "vermeldt ze niet. Het jaarverslag kondigt aan dat de workshop wordt aangepast om "
            "inspiratie te bieden over vrijwillig engagement; vandaar het werkmodel."
        ),
    },
    {
        # Jaarverslag, regels 964-1100 (SD 5, BAZ in de eerstelijn).
        "titel": "Krachtgericht en netwerkversterkend werken in de eerstelijn",
        "slug": "krachtgericht-en-netwerkversterkend-werken",
        "doelpublieken": ["eerstelijn"],
        "werkmodellen": ["persoonlijk-netwerk", "vrijwillig-engagement"],
        "formaat": "beide",
        "duur_minuten": 180,
        "groepsgrootte_min": 6,
        "groepsgrootte_max": 20,
        "samenvatting": (
            "Een interactieve workshop voor eerstelijnsorganisaties over de meerwaarde van wat "
            "burgers voor elkaar doen, met getuigenissen van vrijwilligers en ervaringsgerichte "
            "oefeningen."
        ),
        "beschrijving": dedent("""\
            Met deze interactieve workshop of vorming gaat BAZ in gesprek met hulpverleners,
            organisaties en diensten in de eerstelijn. Wat burgers voor elkaar betekenen en doen,
            is complementair en gelijkwaardig aan de zorg- en hulpverlening door beroepskrachten.
            Burgers zijn niet gebonden aan van buitenaf opgelegde oplossingen, afspraken,
            doelstellingen of planningen; dat biedt iets unieks, voor de individuele burger en
            voor de samenleving.

            Het gaat niet alleen om zeggen waarvoor BAZ staat, maar ook om te laten ervaren hoe
            dat in de praktijk kan. De workshop vertrekt van de krachtgerichte en
            netwerkversterkende werking van de BAZ-partners, met vrijwillig engagement als rode
            draad: breder dan vrijwilligerswerk, ook het engagement van burger tot burger.
            Verhalen en getuigenissen van goede praktijken en drempels wisselen af met
            ervaringsgerichte oefeningen.

            In een inleefoefening denken deelnemers aan hun eigen situatie of aan die van iemand
            die ze heel goed kennen. Zo komt naar boven wat er echt toe doet: verbinding met
            mensen die je kent en vertrouwt, in kleine dingen als een telefoontje, iets samen
            doen of een bezoekje. Via stellingen verkennen ze hoe ze dat zelf zouden aanpakken,
            en leggen ze de link naar hun eigen functie. Samen brainstormen ze over de
            mogelijkheden voor een gezin, breder dan alleen de professionele hulpverlening.
            """).strip(),
        "leerdoelen": [
            "De meerwaarde en complementariteit van de tweede welzijnspijler (h)erkennen",
            "Vertrekken van de krachten en het netwerk van cliënten, ook in een kwetsbare positie",
            "Ervaren wat verbinding met vertrouwde mensen betekent voor de eigen functie",
            "Regie en verantwoordelijkheid meer bij gezinnen en cliënten leggen",
            "De BAZ-partners en andere krachtgerichte vrijwilligersorganisaties leren kennen",
        ],
        "opmerking": (
            "De titel is een werktitel: het jaarverslag spreekt van 'een interactieve workshop'. "
            "Duur (180 minuten, een halve dag, zoals de extra sessie die deelnemers vroegen) en "
            "groepsgrootte (6 tot 20) zijn demowaarden. Fysieke vormingsmomenten maakten de "
            "meeste indruk; door corona vonden er ook online plaats."
        ),
    },
    {
        # Jaarverslag, regels 1128-1204 (BAZ Lokaal).
        "titel": "De rol van het lokaal bestuur in de tweede welzijnspijler",
        "slug": "rol-lokaal-bestuur-tweede-welzijnspijler",
        "doelpublieken": ["lokale-besturen"],
        "werkmodellen": ["vrijwillig-engagement"],
        "formaat": "live",
        "duur_minuten": 120,
        "groepsgrootte_min": 6,
        "groepsgrootte_max": 20,
        "samenvatting": (
            "Een workshop voor steden en gemeenten over de rol die zij kunnen opnemen in het "
            "bouwen van een tweede welzijnspijler met krachtgericht en netwerkversterkend "
            "vrijwilligerswerk."
        ),
        "beschrijving": dedent("""\
            BAZ voert het gesprek over de rol van de overheid in het bouwen van een tweede
            welzijnspijler aan de hand van workshops met steden en gemeenten. In 2021 gebeurde
            dat met Geel, Brasschaat en Wetteren, op hun vraag om de expertise van de BAZ-partners
            ook in hun stad te kunnen inzetten. De eerste keer was in Geel, met Welzijn en het
            Sociaal Huis van de stad en een gemengde groep van welzijnsorganisaties.

            Op het programma:

            - algemene info over kracht- en netwerkgericht werken met vrijwilligers en de missie
              van BAZ (het verhaal van de concentrische cirkels, aangevuld met voorbeelden);
            - navraag wie samenwerkt met vrijwilligers en burgers;
            - bespreking van ervaringen met het werken met vrijwilligers en het ondersteunen van
              burgerinitiatieven;
            - enkele vaststellingen en afspraken.

            Vragen die aan bod komen: Welke rol wil de gemeente opnemen? In welke
            beleidsdomeinen wil ze samenwerken met burgers? Wat heeft ze daarvoor nodig? Een
            screencast over de rollen van de overheid (rechtmatig, presterend, netwerkend en
            responsief-participerend) dient als inspiratie.
            """).strip(),
        "leerdoelen": [
            "Kracht- en netwerkgericht werken met vrijwilligers en de missie van BAZ kennen",
            "De vier rollen van de overheid tegenover het engagement van burgers onderscheiden",
            "Ervaringen met vrijwilligers en burgerinitiatieven in de eigen gemeente delen",
            "Bepalen welke rol de gemeente wil opnemen en wat ze daarvoor nodig heeft",
        ],
        "opmerking": (
            "Formaat, duur (120 minuten) en groepsgrootte (6 tot 20) zijn demowaarden: het "
            "jaarverslag vermeldt ze niet. De titel is een werktitel."
        ),
    },
]

# ---------------------------------------------------------------------------
# Lerend netwerk: pilot in Geel en het arrondissement Turnhout
# (jaarverslag, regels 1205-1343 en 1456-1476)
# ---------------------------------------------------------------------------

LEREND_NETWERK = {
    "naam": "Lerend netwerk Geel en arrondissement Turnhout",
    "slug": "geel-arrondissement-turnhout",
    "regio": "Geel en het arrondissement Turnhout",
    "doel": dedent("""\
        Leren in een netwerk is een vorm van werkplekleren die organisaties kunnen inzetten om
        kennis te delen en hun innoverend vermogen te versterken. Creativiteit kun je niet
        opleggen, maar je kunt wel een omgeving scheppen waarin mensen kennis en ervaring delen
        en samen nieuwe kennis creëren. Vanuit een gemeenschappelijke interesse in een onderwerp
        of probleem wisselen deelnemers ideeën uit, zoeken ze naar oplossingen en verkennen ze
        vernieuwingen.

        In het arrondissement Turnhout wil BAZ de krachtgerichte en netwerkversterkende werking
        van ArmenTeKort, Home-Start/Domo en Eigen Kracht Centrale op een slagkrachtige manier
        introduceren in de 27 gemeenten van het arrondissement, en ze tegelijk lokaal verankeren.
        Dit lerend netwerk is de proefomgeving waarin BAZ onderzoekt hoe een lerend netwerk
        lokale besturen kan helpen bij de uitbouw van de tweede welzijnspijler. In 2021 werd een
        eerste proef gedraaid in de stad Geel, met diverse stakeholders die rond welzijn werken,
        en nadien bij uitbreiding in het arrondissement.

        Deelnemers delen kennis en zorgen voor kruisbestuiving, krijgen toegang tot expertise en
        praktijkervaring en bouwen aan sleutelcompetenties. In een veilige omgeving mogen ze
        vragen en problemen voorleggen zonder daarop afgerekend te worden, en krijgen ze van
        collega's uit de praktijk feedback en oplossingen die meteen toepasbaar zijn.
        """).strip(),
    "werking": dedent("""\
        - **Deelnemers**: maximaal een vijftiental, met diversiteit in de groep. Ze engageren
          zich om jaarlijks minstens vijf à zes keer samen te komen.
        - **Start**: ruimte voor onderlinge kennismaking en voor de verwachtingen van de groep;
          de deelnemers hebben inspraak in de leerdoelen en in het verloop.
        - **Casussen**: deelnemers brengen eigen casussen in over hun eigen vereniging of
          werking.
        - **Huiswerk**: na de bijeenkomsten maken deelnemers huiswerk en evalueren ze; eventueel
          organiseren ze samen een workshop voor een breder publiek.
        - **Verdieping**: de volgende bijeenkomsten zorgen voor verdieping, met externe kennis
          of sprekers waar dat nuttig is, en met voldoende afwisseling in werkvormen.
        - **Verslag**: na elke bijeenkomst volgt een verslag, ook voor wie afwezig was.
        - **Evaluatie**: elke bijeenkomst wordt tussentijds geëvalueerd; op het einde volgt een
          eindevaluatie.

        De begeleider faciliteert het proces zonder een sterk inhoudelijke rol: hij of zij laat
        de eigen krachten van mensen aan het woord en laat hen zelf oplossingen bedenken, maar
        kan wel andere werkvormen introduceren en een beroep doen op externe expertise. Het
        netwerk is een veilige omgeving waarin mensen zich kwetsbaar mogen opstellen, en het moet
        vooral ook leuk zijn. Deelnemende organisaties zorgen ervoor dat de opgedane inzichten en
        contacten doorstromen naar hun andere medewerkers. Het lerend netwerk wil ook zichtbaar
        zijn en een resultaat opleveren dat bruikbaar is voor professionals en burgers die niet
        deelnemen.
        """).strip(),
    # Demowaarden: het jaarverslag noemt geen thema's per bijeenkomst; deze komen uit de
    # inhoud van BAZ Lokaal in het jaarverslag.
    "bijeenkomst_themas": [
        "Kennismaking, verwachtingen en leerdoelen",
        "De rol van het lokaal bestuur: van rechtmatige naar responsieve, participerende overheid",
        (
            "Krachtgericht en netwerkversterkend werken met vrijwilligers: ArmenTeKort, "
            "Home-Start/Domo en Eigen Kracht Centrale"
        ),
        "Burgerinitiatieven ondersteunen: meer dan logistieke steun",
        "Samenwerken over de gemeentegrenzen heen: opleiding en impact op regionale schaal",
        "Lessons learned en eindevaluatie",
    ],
}
