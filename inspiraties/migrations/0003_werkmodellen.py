"""The six werkmodellen BAZ works with: fixed reference data (annual report 2021, 2.2.1).

Their texts stay editable in the admin; the set itself is fixed. The seventh model of Odisee's
overview (netwerkversterking via contextgerichte hulpverlening) is deliberately left out.
"""

from django.db import migrations

WERKMODELLEN = [{'slug': 'persoonlijke-competentieversterking',
  'volgorde': 1,
  'naam': 'Persoonlijke competentieversterking',
  'korte_beschrijving': 'Mensen vaardigheden bijbrengen om zelf sociale netwerken op te bouwen en '
                        'te versterken.',
  'beschrijving': 'Persoonlijke competentieversterking verwijst naar manieren van werken die '
                  'gericht\n'
                  'zijn op het bijbrengen van vaardigheden om sociale netwerken op te bouwen en '
                  'te\n'
                  'versterken.\n'
                  '\n'
                  'Het vertrekpunt is wat bij mensen zelf aan krachten en talenten aanwezig is. '
                  'Niet\n'
                  'iedereen vindt vanzelf de weg naar anderen: wie de eerste stap naar nieuwe '
                  'contacten\n'
                  'moeilijk vindt, of telkens terechtkomt in groepen die zich al gezet hebben, '
                  'heeft\n'
                  'soms een duwtje in de rug nodig. Samen uitklaren wat iemand graag zou doen en '
                  'wat\n'
                  'hij of zij nodig heeft om drempels te overwinnen, hoort daarbij.\n'
                  '\n'
                  'Het model komt uit het overzicht van zeven modellen van netwerkversterking dat '
                  'Odisee\n'
                  'in 2018 publiceerde naar aanleiding van een onderzoek bij mensen in armoede. '
                  'BAZ\n'
                  'richt zich op de eerste zes modellen; het zevende, netwerkversterking via\n'
                  'contextgerichte hulpverlening, situeert zich veeleer in een '
                  'hulpverleningsmodel.'},
 {'slug': 'buddywerking',
  'volgorde': 2,
  'naam': 'Buddywerking',
  'korte_beschrijving': 'Een vrijwillige sleutelfiguur, de buddy, ondersteunt iemand en doet samen '
                        'dingen met hem of haar.',
  'beschrijving': 'Bij buddywerking (ook: persoonlijke vriend of buddy) gaat het om het '
                  'inschakelen van\n'
                  'een vrijwillige sleutelfiguur die de betrokkene ondersteunt en samen dingen met '
                  'hem\n'
                  'of haar doet.\n'
                  '\n'
                  'De manier waarop mensen aan elkaar worden gekoppeld, hangt af van de concrete\n'
                  'doelstelling of visie. Soms worden mensen gekoppeld op basis van '
                  'gemeenschappelijke\n'
                  'interesses, soms wordt een kansrijke buddy gekoppeld aan iemand die '
                  'geconfronteerd\n'
                  'wordt met kansarmoede.\n'
                  '\n'
                  'Vanuit de partnerorganisaties van BAZ zien we het al vele jaren: een buddy die '
                  'mee\n'
                  'op pad gaat om iets leuks te doen, maakt het verschil. Binnen Home-Start/Domo '
                  'en\n'
                  "ArmenTeKort worden kandidaat-buddy's opgeleid. Die opleidingen vertonen veel\n"
                  'gelijkenissen, wat het idee deed groeien van een gezamenlijke opleiding voor '
                  'de\n'
                  'vrijwilligers van de partnerorganisaties.'},
 {'slug': 'persoonlijk-netwerk',
  'volgorde': 3,
  'naam': 'Persoonlijk netwerk',
  'korte_beschrijving': 'Iemand brengt een zelfgekozen netwerk rond zich samen, dat met een '
                        'vrijwilliger als facilitator samenwerkt of sociale steun biedt.',
  'beschrijving': 'Dit werkmodel kenmerkt zich doordat de betrokken persoon een zelfgekozen '
                  'netwerk\n'
                  'rond zich betrekt. Vaak bestaat dat netwerk uit het natuurlijke netwerk: '
                  'familie,\n'
                  'vrienden, ... De persoon en zijn of haar netwerk werken vervolgens samen aan '
                  'een\n'
                  'bepaalde kwestie of komen samen om sociale steun te bieden. Het proces wordt\n'
                  'gefaciliteerd door een vrijwilliger.\n'
                  '\n'
                  'Vanuit de partnerorganisaties van BAZ weten we: een steungroep van gewone '
                  'mensen\n'
                  'rondom iemand maakt het verschil. Hulpverleners geven soms aan dat ze niet met '
                  'de\n'
                  'betrokken mensen rondom iemand aan de slag gaan als de cliënt aangeeft die niet '
                  'te\n'
                  'willen of nodig te hebben. Regie bij de cliënt laten is belangrijk. Maar wat '
                  'als\n'
                  'iemand dat zegt uit schaamte, verdriet of boosheid, en vanbinnen net verlangt '
                  'naar\n'
                  'contact en verbondenheid?'},
 {'slug': 'lotgenotennetwerk',
  'volgorde': 4,
  'naam': 'Lotgenotennetwerk',
  'korte_beschrijving': 'Mensen met een gedeelde of vergelijkbare levenservaring komen samen in '
                        'een groep om elkaar te begrijpen en te steunen.',
  'beschrijving': "Een lotgenotennetwerk gaat uit van 'peer support': mensen met een gedeelde of\n"
                  'vergelijkbare levenservaring worden samengebracht in een groep. Lotgenoten '
                  'kunnen\n'
                  'elkaar begrijpen, steunen en ervaringen met elkaar delen. Alleen al het begrip '
                  'voor\n'
                  'of de erkenning van een ervaring zorgt vaak voor sociale steun.\n'
                  '\n'
                  'Lotgenoten die elkaar vinden en versterken, maken samen het verschil. Het '
                  'Trefpunt\n'
                  'Zelfhulp biedt brede ondersteuning aan zelfhulp- en lotgenotengroepen, van de\n'
                  'opstart tot de uitbouw van een vereniging, en gelooft in de meerwaarde van\n'
                  'ervaringskennis ten dienste van anderen. BAZ wil daar complementair aan zijn, '
                  'onder\n'
                  'meer door ondersteuning te bieden aan lotgenotengroepen die de actieve\n'
                  'betrokkenheid van kwetsbare mensen willen verhogen.'},
 {'slug': 'vrijwillig-engagement',
  'volgorde': 5,
  'naam': 'Vrijwillig engagement en vrijwilligerswerk',
  'korte_beschrijving': 'Vrijwillig engagement biedt betekenisvolle relaties en de kans om '
                        'talenten in te zetten en een betekenisvolle plek in de samenleving in te '
                        'nemen.',
  'beschrijving': 'Dit model vertrekt vanuit het gegeven dat vrijwillig engagement en '
                  'vrijwilligerswerk\n'
                  'betekenisvolle relaties kunnen bieden, en de mogelijkheid om talenten en '
                  'sterktes in\n'
                  'te zetten en te ontwikkelen en een betekenisvolle plek in de samenleving in te\n'
                  'nemen.\n'
                  '\n'
                  'BAZ kijkt daarbij breder dan het officiële vrijwilligerswerk. Burgers zetten '
                  'ook\n'
                  'spontaan en informeel initiatieven op, vanuit het geloof dat iedereen iets bij '
                  'te\n'
                  'dragen heeft. Vaak benoemen ze dat zelf niet als vrijwilligerswerk en zien ze '
                  'zichzelf\n'
                  "niet als 'vrijwilliger', terwijl hun engagement cruciaal is om van onze "
                  'samenleving\n'
                  'een zorgzame samenleving te maken. Taal vinden om dat engagement te '
                  '(h)erkennen, te\n'
                  'waarderen en kansen te bieden tot groei: daar is het BAZ om te doen.'},
 {'slug': 'community-building',
  'volgorde': 6,
  'naam': 'Community building',
  'korte_beschrijving': 'Het sociaal kapitaal van gemeenschappen, buurten en wijken versterken, '
                        'met en vanuit alle betrokkenen.',
  'beschrijving': 'Community building is een model om het sociaal kapitaal in gemeenschappen, '
                  'buurten\n'
                  'en wijken te versterken. Het model is gericht op:\n'
                  '\n'
                  '- de participatie van alle betrokkenen;\n'
                  '- het in kaart brengen van de aanwezige capaciteiten;\n'
                  '- het bouwen aan relaties tussen de betrokkenen;\n'
                  '- het verbinden van de capaciteiten;\n'
                  '- het voeden en soigneren van de gevormde linken;\n'
                  '- het samen ontwikkelen van nieuwe initiatieven.\n'
                  '\n'
                  'Een groep die vanuit de eigen krachten plannen maakt, maakt het verschil. Het '
                  'lokale\n'
                  'niveau is bij uitstek de plek waar mensen zich thuis moeten kunnen voelen, '
                  'zich\n'
                  'betrokken weten op elkaar en het gevoel hebben te mogen en kunnen bijdragen. '
                  'Burgers\n'
                  'zijn experts over hun eigen buurt en van daaruit goed geplaatst om van de plek '
                  'waar\n'
                  'ze wonen een betere plek te maken.'}]


def aanmaken(apps, schema_editor):
    Werkmodel = apps.get_model("inspiraties", "Werkmodel")
    for rij in WERKMODELLEN:
        Werkmodel.objects.update_or_create(slug=rij["slug"], defaults=rij)


class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0002_zoeken_postgresql")]
    operations = [migrations.RunPython(aanmaken, migrations.RunPython.noop)]
