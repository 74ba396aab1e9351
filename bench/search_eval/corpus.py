"""The evaluation corpus: about 80 hospital pages in the content interchange format (docs/content-format.md).

Written like a hospital's patient pages: an editor's title, a definition, a
few question-headed sections, and the also-known-as names an editor would
add. The demo content (rugpijn, its service, campuses and pages) comes on top.
"""

LOCATIONS = [
    ("zas-augustinus", "ZAS Augustinus", "Oosterveldlaan 24, 2610 Wilrijk"),
    ("zas-cadix", "ZAS Cadix", "Kempenstraat 100, 2030 Antwerpen"),
    ("zas-middelheim", "ZAS Middelheim", "Lindendreef 1, 2020 Antwerpen"),
    ("zas-palfijn", "ZAS Palfijn", "Lantaarnlei 20, 2170 Merksem"),
    ("zas-vincentius", "ZAS Vincentius", "Sint-Vincentiusstraat 20, 2018 Antwerpen"),
    ("zas-sint-jozef", "ZAS Sint-Jozef", "Molenstraat 19, 2640 Mortsel"),
]

SERVICES = [
    (
        "cardiologie",
        "Cardiologie",
        "De dienst cardiologie onderzoekt en behandelt aandoeningen van hart en bloedvaten.",
    ),
    (
        "longziekten",
        "Longziekten",
        "Pneumologie: onderzoek en behandeling van astma, COPD, longontsteking en longkanker.",
    ),
    (
        "orthopedie",
        "Orthopedie",
        "Orthopedisch chirurgen behandelen klachten van botten, gewrichten, spieren en pezen.",
    ),
    ("dermatologie", "Dermatologie", "Huidziekten, allergieën van de huid, eczeem en huidkanker."),
    (
        "oogziekten",
        "Oogziekten",
        "Oftalmologie: oogartsen voor staar, glaucoom, ontstekingen en netvliesproblemen.",
    ),
    (
        "neus-keel-oorziekten",
        "Neus-, keel- en oorziekten",
        "NKO-artsen behandelen klachten van neus, keel, oren en stembanden.",
    ),
    (
        "kindergeneeskunde",
        "Kindergeneeskunde",
        "Kinderartsen verzorgen baby's, kinderen en jongeren tot 16 jaar.",
    ),
    (
        "gynaecologie",
        "Gynaecologie en verloskunde",
        "Zwangerschap, bevalling en aandoeningen van de vrouwelijke organen.",
    ),
    (
        "maag-darm-leverziekten",
        "Maag-, darm- en leverziekten",
        "Gastro-enterologie: onderzoek en behandeling van maag, darmen, lever en alvleesklier.",
    ),
    ("neurologie", "Neurologie", "Aandoeningen van hersenen, ruggenmerg, zenuwen en spieren."),
    ("urologie", "Urologie", "Nieren, blaas, prostaat en urinewegen."),
    (
        "endocrinologie",
        "Endocrinologie en diabetologie",
        "Diabetes, schildklier en andere hormonale aandoeningen.",
    ),
    ("spoedgevallen", "Spoedgevallen", "De spoedgevallendienst is dag en nacht open voor dringende zorg."),
    ("oncologie", "Oncologie", "Behandeling en begeleiding van mensen met kanker."),
    (
        "infectieziekten",
        "Infectieziekten",
        "Infecties met bacteriën, virussen en schimmels, ook reisgeneeskunde.",
    ),
    ("vaatheelkunde", "Vaatheelkunde", "Chirurgie en behandeling van slagaders en aders, zoals spataders."),
    (
        "mond-kaak-aangezichtschirurgie",
        "Mond-, kaak- en aangezichtschirurgie",
        "Kaakchirurgen verwijderen tanden en behandelen letsels en aandoeningen van mond en kaak.",
    ),
    (
        "fysische-geneeskunde",
        "Fysische geneeskunde",
        "Kinesitherapie en revalidatie na een letsel of een operatie, ook na een breuk.",
    ),
]

# (slug, title, also-known-as, intro, [(heading, body)], services)
CONDITIONS = [
    (
        "schouderpijn",
        "Schouderpijn",
        [],
        "Pijn in of rond het schoudergewricht, vaak bij bewegen of 's nachts.",
        [
            (
                "Wat is de oorzaak?",
                "Een ontsteking van de pezen, slijtage of een letsel na een val. "
                "Ook artrose in de schouder kan pijn geven.",
            ),
            ("Hoe wordt het behandeld?", "Rust, oefeningen met de kinesitherapeut, soms een injectie."),
        ],
        ["orthopedie"],
    ),
    (
        "artrose",
        "Artrose",
        ["gewrichtsslijtage"],
        "Slijtage van het kraakbeen in een gewricht, zoals knie, heup of hand.",
        [
            ("Wat zijn de klachten?", "Pijn en stijfheid bij het opstaan, minder goed kunnen bewegen."),
            ("Hoe wordt het behandeld?", "Bewegen, pijnstillers, soms een prothese."),
        ],
        ["orthopedie"],
    ),
    (
        "reumatoide-artritis",
        "Reumatoïde artritis",
        ["reuma"],
        "Een chronische ontsteking van de gewrichten door het eigen afweersysteem.",
        [("Wat zijn de klachten?", "Gezwollen, warme en pijnlijke gewrichten, vooral van handen en voeten.")],
        [],
    ),
    (
        "spataders",
        "Spataders",
        ["varices"],
        "Verwijde, kronkelende aders, meestal aan de benen.",
        [
            (
                "Wat is de oorzaak?",
                "De kleppen in de aders sluiten niet goed, waardoor bloed in de benen blijft staan.",
            ),
            ("Hoe wordt het behandeld?", "Steunkousen, sclerotherapie of een ingreep met laser."),
        ],
        ["vaatheelkunde"],
    ),
    (
        "allergische-rinitis",
        "Allergische rinitis",
        ["hooikoorts"],
        "Een ontsteking van het neusslijmvlies door een allergie voor pollen, huisstofmijt of dieren.",
        [
            ("Wat zijn de klachten?", "Niezen, een lopende of verstopte neus, jeukende ogen."),
            ("Hoe wordt het behandeld?", "Antihistaminica, een neusspray of desensibilisatie."),
        ],
        ["neus-keel-oorziekten"],
    ),
    (
        "covid-19",
        "COVID-19",
        ["corona", "coronavirus"],
        "Een infectie met het coronavirus SARS-CoV-2.",
        [
            ("Wat zijn de klachten?", "Koorts, hoesten, vermoeidheid, verlies van smaak of reuk."),
            ("Wanneer naar het ziekenhuis?", "Bij ernstige kortademigheid ga je naar spoedgevallen."),
        ],
        ["infectieziekten"],
    ),
    (
        "coeliakie",
        "Coëliakie",
        ["glutenintolerantie"],
        "Een darmziekte waarbij het lichaam slecht reageert op gluten.",
        [
            ("Wat zijn de klachten?", "Buikpijn, diarree, vermoeidheid en gewichtsverlies."),
            ("Hoe wordt het behandeld?", "Een glutenvrij dieet voor het leven."),
        ],
        ["maag-darm-leverziekten"],
    ),
    (
        "astma",
        "Astma",
        [],
        "Een chronische aandoening van de luchtwegen met aanvallen van benauwdheid.",
        [
            ("Wat zijn de klachten?", "Piepende ademhaling, hoesten en een beklemd gevoel op de borst."),
            ("Hoe wordt het behandeld?", "Puffers die de luchtwegen verwijden of de ontsteking remmen."),
        ],
        ["longziekten"],
    ),
    (
        "copd",
        "COPD",
        ["chronische bronchitis", "longemfyseem"],
        "Een chronische longziekte waarbij de luchtwegen blijvend vernauwd zijn.",
        [("Wat is de oorzaak?", "Meestal jarenlang roken.")],
        ["longziekten"],
    ),
    (
        "longontsteking",
        "Longontsteking",
        ["pneumonie"],
        "Een infectie van de longblaasjes door bacteriën of virussen.",
        [("Wat zijn de klachten?", "Koorts, hoesten met slijm, pijn bij het ademen.")],
        ["longziekten"],
    ),
    (
        "longkanker",
        "Longkanker",
        ["longcarcinoom"],
        "Een kwaadaardig gezwel in de long.",
        [("Hoe wordt het behandeld?", "Operatie, bestraling, chemotherapie of immunotherapie.")],
        ["longziekten", "oncologie"],
    ),
    (
        "dikkedarmkanker",
        "Dikkedarmkanker",
        ["darmkanker", "colorectale kanker"],
        "Kanker in de dikke darm of de endeldarm.",
        [
            ("Hoe wordt het vastgesteld?", "Met een coloscopie en weefselonderzoek."),
            ("Bevolkingsonderzoek", "Vanaf 50 jaar krijg je een uitnodiging voor een stoelgangtest."),
        ],
        ["maag-darm-leverziekten", "oncologie"],
    ),
    (
        "borstkanker",
        "Borstkanker",
        ["mammacarcinoom"],
        "Kanker die ontstaat in het borstweefsel.",
        [("Hoe wordt het vastgesteld?", "Met een mammografie, echografie en een biopsie.")],
        ["oncologie", "gynaecologie"],
    ),
    (
        "prostaatkanker",
        "Prostaatkanker",
        [],
        "Een kwaadaardige tumor in de prostaat, vooral bij oudere mannen.",
        [("Hoe wordt het vastgesteld?", "PSA-bloedtest, MRI en biopsie.")],
        ["urologie", "oncologie"],
    ),
    (
        "huidkanker",
        "Huidkanker",
        ["melanoom", "basaalcelcarcinoom"],
        "Kanker van de huid, vaak door te veel zonlicht.",
        [("Waar let ik op?", "Een moedervlek die groeit, jeukt of bloedt.")],
        ["dermatologie", "oncologie"],
    ),
    (
        "eczeem",
        "Eczeem",
        ["atopische dermatitis"],
        "Een jeukende, droge en rode huid.",
        [("Hoe wordt het behandeld?", "Vette zalf en soms een cortisonezalf.")],
        ["dermatologie"],
    ),
    (
        "psoriasis",
        "Psoriasis",
        [],
        "Een chronische huidziekte met rode, schilferende plekken.",
        [("Hoe wordt het behandeld?", "Zalven, lichttherapie of medicatie.")],
        ["dermatologie"],
    ),
    (
        "oogontsteking",
        "Ontsteking van het oog",
        ["rode ogen", "conjunctivitis"],
        "Een rood, pijnlijk of tranend oog door een ontsteking.",
        [("Wat is de oorzaak?", "Een infectie, een allergie of een vuiltje.")],
        ["oogziekten"],
    ),
    (
        "cataract",
        "Cataract",
        ["staar", "grijze staar"],
        "Een troebele ooglens waardoor je wazig ziet.",
        [("Hoe wordt het behandeld?", "Een staaroperatie vervangt de troebele lens door een kunstlens.")],
        ["oogziekten"],
    ),
    (
        "glaucoom",
        "Glaucoom",
        ["groene staar"],
        "Schade aan de oogzenuw, meestal door een te hoge oogdruk.",
        [("Hoe wordt het behandeld?", "Oogdruppels, laser of een operatie.")],
        ["oogziekten"],
    ),
    (
        "middenoorontsteking",
        "Middenoorontsteking",
        ["otitis media", "oorontsteking"],
        "Een ontsteking achter het trommelvlies, vaak bij kinderen.",
        [("Wat zijn de klachten?", "Oorpijn, koorts en minder goed horen.")],
        ["neus-keel-oorziekten", "kindergeneeskunde"],
    ),
    (
        "tinnitus",
        "Tinnitus",
        ["oorsuizen"],
        "Een piep, ruis of fluit in het oor die anderen niet horen.",
        [],
        ["neus-keel-oorziekten"],
    ),
    (
        "keelontsteking",
        "Keelontsteking",
        ["angina", "tonsillitis"],
        "Een ontsteking van de keel of de amandelen.",
        [("Wat zijn de klachten?", "Keelpijn, moeilijk slikken en koorts.")],
        ["neus-keel-oorziekten"],
    ),
    (
        "slaapapneu",
        "Slaapapneu",
        [],
        "Ademstilstanden tijdens de slaap, vaak met luid snurken.",
        [("Hoe wordt het behandeld?", "Een CPAP-toestel dat 's nachts lucht inblaast.")],
        ["longziekten", "neurologie"],
    ),
    (
        "migraine",
        "Migraine",
        [],
        "Aanvallen van bonzende hoofdpijn, vaak met misselijkheid en gevoeligheid voor licht.",
        [("Hoe wordt het behandeld?", "Pijnstillers, triptanen en preventieve medicatie.")],
        ["neurologie"],
    ),
    (
        "hoofdpijn",
        "Hoofdpijn",
        [],
        "Pijn in het hoofd, van spanningshoofdpijn tot clusterhoofdpijn.",
        [],
        ["neurologie"],
    ),
    (
        "beroerte",
        "Beroerte",
        ["CVA", "herseninfarct", "hersenbloeding"],
        "Een plotse stoornis in de bloedtoevoer naar de hersenen.",
        [("Wat moet ik doen?", "Bel onmiddellijk 112 bij een scheve mond, spraakproblemen of verlamming.")],
        ["neurologie", "spoedgevallen"],
    ),
    (
        "epilepsie",
        "Epilepsie",
        [],
        "Een aandoening van de hersenen met terugkerende aanvallen.",
        [],
        ["neurologie"],
    ),
    (
        "parkinson",
        "Ziekte van Parkinson",
        ["parkinson"],
        "Een ziekte van de hersenen met trillen, stijfheid en trage bewegingen.",
        [],
        ["neurologie"],
    ),
    (
        "dementie",
        "Dementie",
        ["alzheimer"],
        "Een achteruitgang van het geheugen en het denken.",
        [],
        ["neurologie"],
    ),
    (
        "hartfalen",
        "Hartfalen",
        ["hartzwakte", "hartinsufficientie"],
        "Het hart pompt niet krachtig genoeg.",
        [("Wat zijn de klachten?", "Kortademigheid, dikke enkels en vermoeidheid.")],
        ["cardiologie"],
    ),
    (
        "hartritmestoornissen",
        "Hartritmestoornissen",
        ["voorkamerfibrillatie", "hartkloppingen"],
        "Het hart klopt te snel, te traag of onregelmatig.",
        [],
        ["cardiologie"],
    ),
    (
        "hartinfarct",
        "Hartinfarct",
        ["hartaanval"],
        "Een kransslagader raakt plots verstopt.",
        [("Wat moet ik doen?", "Bel 112 bij drukkende pijn op de borst.")],
        ["cardiologie", "spoedgevallen"],
    ),
    (
        "hoge-bloeddruk",
        "Hoge bloeddruk",
        ["hypertensie"],
        "Een te hoge druk in de slagaders, die hart en bloedvaten belast.",
        [],
        ["cardiologie"],
    ),
    (
        "diabetes",
        "Diabetes",
        ["suikerziekte"],
        "Een te hoog suikergehalte in het bloed.",
        [
            (
                "Type 1 en type 2",
                "Bij type 1 maakt het lichaam geen insuline, bij type 2 werkt ze onvoldoende.",
            )
        ],
        ["endocrinologie"],
    ),
    (
        "schildklierproblemen",
        "Schildklierproblemen",
        ["hypothyreoïdie", "hyperthyreoïdie"],
        "De schildklier werkt te traag of te snel.",
        [],
        ["endocrinologie"],
    ),
    (
        "nierstenen",
        "Nierstenen",
        ["niersteen", "koliek"],
        "Harde steentjes in de nier of urineleider die hevige pijn geven.",
        [],
        ["urologie"],
    ),
    (
        "blaasontsteking",
        "Blaasontsteking",
        ["cystitis", "urineweginfectie"],
        "Een infectie van de blaas met een branderig gevoel bij het plassen.",
        [],
        ["urologie"],
    ),
    (
        "galstenen",
        "Galstenen",
        [],
        "Steentjes in de galblaas die krampen in de bovenbuik geven.",
        [],
        ["maag-darm-leverziekten"],
    ),
    (
        "ziekte-van-crohn",
        "Ziekte van Crohn",
        ["crohn"],
        "Een chronische ontsteking van het darmkanaal.",
        [],
        ["maag-darm-leverziekten"],
    ),
    (
        "maagzweer",
        "Maagzweer",
        ["maagulcus"],
        "Een wonde in het slijmvlies van de maag.",
        [],
        ["maag-darm-leverziekten"],
    ),
    (
        "brandend-maagzuur",
        "Brandend maagzuur",
        ["reflux", "zuurbranden"],
        "Maagzuur dat terugstroomt naar de slokdarm.",
        [],
        ["maag-darm-leverziekten"],
    ),
    (
        "liesbreuk",
        "Liesbreuk",
        ["hernia inguinalis"],
        "Een uitstulping in de lies door een zwakke plek in de buikwand.",
        [],
        [],
    ),
    (
        "hernia",
        "Hernia",
        ["discushernia", "rughernia"],
        "Een uitpuilende tussenwervelschijf die op een zenuw drukt.",
        [("Wat zijn de klachten?", "Pijn in de rug die uitstraalt naar het been, soms tintelingen.")],
        ["orthopedie", "neurologie"],
    ),
    (
        "knieklachten",
        "Knieklachten",
        ["kniepijn", "meniscusletsel"],
        "Pijn, zwelling of instabiliteit van de knie.",
        [],
        ["orthopedie"],
    ),
    (
        "heupfractuur",
        "Heupfractuur",
        ["gebroken heup"],
        "Een breuk van de dijbeenhals, vaak na een val bij ouderen.",
        [],
        ["orthopedie"],
    ),
    (
        "osteoporose",
        "Osteoporose",
        ["botontkalking"],
        "Botten worden brozer en breken sneller.",
        [],
        ["endocrinologie"],
    ),
    (
        "zwangerschapsdiabetes",
        "Zwangerschapsdiabetes",
        [],
        "Diabetes die ontstaat tijdens de zwangerschap.",
        [],
        ["gynaecologie", "endocrinologie"],
    ),
    (
        "bronchiolitis",
        "Bronchiolitis",
        ["RSV"],
        "Een virale infectie van de kleine luchtwegen bij baby's.",
        [],
        ["kindergeneeskunde"],
    ),
    (
        "koortsstuipen",
        "Koortsstuipen",
        ["koortsconvulsie"],
        "Een stuip bij jonge kinderen met hoge koorts.",
        [],
        ["kindergeneeskunde"],
    ),
    (
        "verkoudheid",
        "Verkoudheid",
        ["neusverkoudheid"],
        "Een onschuldige virusinfectie van neus en keel.",
        [
            ("Wat zijn de klachten?", "Niezen, een lopende of verstopte neus, keelpijn en soms wat koorts."),
            ("Hoe wordt het behandeld?", "Rust, veel drinken en een neusspray met zout water."),
        ],
        ["neus-keel-oorziekten"],
    ),
    (
        "griep",
        "Griep",
        ["influenza"],
        "Een besmettelijke virusinfectie die plots hoge koorts en spierpijn geeft.",
        [
            ("Wat zijn de klachten?", "Koorts, hoofdpijn, spierpijn, hoesten en erg moe zijn."),
            (
                "Hoe voorkom je het?",
                "Een jaarlijkse vaccinatie voor ouderen en mensen met een chronische ziekte.",
            ),
        ],
        ["infectieziekten"],
    ),
    (
        "hielspoor",
        "Hielspoor",
        ["fasciitis plantaris"],
        "Een ontsteking van de peesplaat onder de voet, waar die aan het hielbeen vastzit.",
        [
            (
                "Wat zijn de klachten?",
                "Stekende pijn onder de hiel, vooral bij de eerste stappen na het opstaan.",
            ),
            (
                "Hoe wordt het behandeld?",
                "Rekoefeningen, aangepaste schoenen, steunzolen en soms een injectie.",
            ),
        ],
        ["orthopedie"],
    ),
    (
        "gordelroos",
        "Gordelroos",
        ["herpes zoster"],
        "Een pijnlijke huiduitslag met blaasjes door het waterpokkenvirus dat opnieuw actief wordt.",
        [("Hoe wordt het behandeld?", "Virusremmers in de eerste dagen en pijnstillers.")],
        ["dermatologie"],
    ),
    (
        "diarree",
        "Diarree",
        ["buikgriep"],
        "Vaak en dunne stoelgang, meestal door een darminfectie (gastro-enteritis).",
        [
            ("Wat moet je doen?", "Veel drinken, ook oplossingen met zouten en suiker (ORS)."),
            ("Wanneer naar de dokter?", "Bij bloed in de stoelgang, hoge koorts of uitdroging."),
        ],
        ["maag-darm-leverziekten"],
    ),
    (
        "sinusitis",
        "Sinusitis",
        ["bijholteontsteking", "voorhoofdsholteontsteking"],
        "Een ontsteking van de neusbijholten, vaak na een verkoudheid.",
        [("Wat zijn de klachten?", "Pijn boven de ogen of in de wangen, een verstopte neus, slijm.")],
        ["neus-keel-oorziekten"],
    ),
    (
        "aambeien",
        "Aambeien",
        ["hemorroïden"],
        "Gezwollen bloedvaten rond de anus die jeuken, pijn doen of bloeden.",
        [("Hoe wordt het behandeld?", "Vezelrijk eten, een zalf, soms een rubberen bandje of een ingreep.")],
        ["maag-darm-leverziekten"],
    ),
    (
        "botbreuk",
        "Botbreuk",
        ["fractuur"],
        "Een breuk in een bot, na een val of een ongeval.",
        [
            (
                "Hoe wordt het behandeld?",
                "Het bot wordt rechtgezet en vastgezet met gips, een spalk of een operatie.",
            ),
        ],
        ["orthopedie"],
    ),
    (
        "misselijkheid-en-braken",
        "Misselijkheid en braken",
        ["nausea"],
        "Je onwel voelen in de maag en moeten overgeven, door een infectie, medicatie of zwangerschap.",
        [("Wanneer naar de dokter?", "Als je niets binnen kan houden of tekenen van uitdroging hebt.")],
        ["maag-darm-leverziekten"],
    ),
    (
        "alcoholintoxicatie",
        "Alcoholintoxicatie",
        ["alcoholvergiftiging"],
        "Te veel alcohol in korte tijd: braken, verwardheid, soms bewusteloosheid.",
        [
            (
                "Wat na een zware avond?",
                "Een kater met hoofdpijn en dorst gaat vanzelf over; water drinken helpt.",
            )
        ],
        ["spoedgevallen"],
    ),
]

TREATMENTS = [
    ("knieprothese", "Knieprothese", "Een kunstknie vervangt een versleten kniegewricht.", ["orthopedie"]),
    (
        "heupprothese",
        "Heupprothese",
        "Een kunstheup vervangt een versleten heupgewricht, bij zware artrose.",
        ["orthopedie"],
    ),
    (
        "staaroperatie",
        "Staaroperatie",
        "De troebele ooglens wordt vervangen door een kunstlens.",
        ["oogziekten"],
    ),
    (
        "chemotherapie",
        "Chemotherapie",
        "Geneesmiddelen die kankercellen doden of hun groei remmen.",
        ["oncologie"],
    ),
    (
        "radiotherapie",
        "Radiotherapie",
        "Bestraling van een tumor met hoogenergetische straling.",
        ["oncologie"],
    ),
    (
        "kijkoperatie-knie",
        "Kijkoperatie van de knie",
        "Artroscopie: de chirurg kijkt met een camera in het kniegewricht.",
        ["orthopedie"],
    ),
    (
        "revalidatie-na-beroerte",
        "Revalidatie na een beroerte",
        "Kinesitherapie, ergotherapie en logopedie om opnieuw zelfstandig te worden.",
        ["neurologie"],
    ),
    (
        "hartrevalidatie",
        "Hartrevalidatie",
        "Begeleide training en voorlichting na een hartinfarct of hartoperatie.",
        ["cardiologie"],
    ),
    (
        "sclerotherapie",
        "Sclerotherapie",
        "Een inspuiting die kleine spataders doet verdwijnen.",
        ["vaatheelkunde"],
    ),
    (
        "insulinepomp",
        "Insulinepomp",
        "Een pompje dat continu insuline toedient bij diabetes type 1.",
        ["endocrinologie"],
    ),
    (
        "vaccinatie-reizigers",
        "Vaccinaties voor reizigers",
        "Inentingen en advies voor een reis naar de tropen.",
        ["infectieziekten"],
    ),
    (
        "griepvaccinatie",
        "Griepvaccinatie",
        "Een jaarlijkse inenting tegen griep, in het najaar, voor ouderen en risicogroepen.",
        ["infectieziekten"],
    ),
    (
        "wijsheidstanden-verwijderen",
        "Wijsheidstanden verwijderen",
        "De kaakchirurg trekt wijsheidstanden die pijn doen of geen plaats hebben.",
        ["mond-kaak-aangezichtschirurgie"],
    ),
]

INFO = [
    (
        "zorg-voor-je-gips",
        "Zorg voor je gips",
        "Wat je mag en niet mag met een gipsverband of een spalk, en wanneer je terugkomt.",
        ["orthopedie"],
    ),
    (
        "gezond-op-reis",
        "Gezond op reis",
        "Advies voor een verre reis: inentingen, malaria, reisziekte en het tijdsverschil.",
        ["infectieziekten"],
    ),
]

EXAMINATIONS = [
    (
        "coloscopie",
        "Coloscopie",
        "Een onderzoek van de dikke darm met een flexibele camera.",
        ["maag-darm-leverziekten"],
    ),
    (
        "gastroscopie",
        "Gastroscopie",
        "Een kijkonderzoek van slokdarm, maag en twaalfvingerige darm.",
        ["maag-darm-leverziekten"],
    ),
    ("mri-scan", "MRI-scan", "Beelden van het lichaam met een sterk magneetveld, zonder straling.", []),
    ("ct-scan", "CT-scan", "Een röntgenonderzoek dat doorsneden van het lichaam maakt.", []),
    (
        "mammografie",
        "Mammografie",
        "Een röntgenfoto van de borsten om borstkanker op te sporen.",
        ["gynaecologie"],
    ),
    (
        "elektrocardiogram",
        "Elektrocardiogram (ECG)",
        "Een hartfilmpje registreert de elektrische activiteit van het hart.",
        ["cardiologie"],
    ),
    (
        "inspanningstest",
        "Inspanningstest",
        "Fietsen op een hometrainer terwijl het hart gevolgd wordt.",
        ["cardiologie"],
    ),
    (
        "longfunctieonderzoek",
        "Longfunctieonderzoek",
        "Blaastesten die meten hoeveel lucht je longen verplaatsen.",
        ["longziekten"],
    ),
    ("bloedafname", "Bloedafname", "Bloed prikken voor laboratoriumonderzoek, zonder afspraak.", []),
    (
        "slaaponderzoek",
        "Slaaponderzoek",
        "Een nacht in het slaaplabo om slaapapneu of andere slaapstoornissen vast te stellen.",
        ["longziekten"],
    ),
    (
        "allergietest",
        "Allergietest",
        "Een huidpriktest of bloedtest om een allergie op te sporen.",
        ["dermatologie"],
    ),
]


def _sections(pairs):
    return [{"heading": heading, "body": f"<p>{body}</p>"} for heading, body in pairs]


def corpus_document() -> dict:
    """The corpus as one import document."""
    locations = [{"slug": s, "name": n, "address": a} for s, n, a in LOCATIONS]
    loc_slugs = [s for s, _, _ in LOCATIONS]
    services = [
        {"slug": s, "name": n, "intro": i, "locations": loc_slugs[k % 3 :: 2]}
        for k, (s, n, i) in enumerate(SERVICES)
    ]
    pages = []
    for kind, entries in (("treatment", TREATMENTS), ("examination", EXAMINATIONS), ("info", INFO)):
        for slug, title, intro, _services in entries:
            pages.append(
                {
                    "slug": slug,
                    "title": title,
                    "kind": kind,
                    "intro": intro,
                    "sections": _sections(
                        [("Hoe verloopt het?", f"{intro} Je arts legt vooraf uit wat je mag verwachten.")]
                    ),
                }
            )
    conditions = [
        {
            "slug": slug,
            "title": title,
            "intro": intro,
            "also_known_as": aka,
            "sections": _sections(sections),
            "services": services_,
            "related": [],
        }
        for slug, title, aka, intro, sections, services_ in CONDITIONS
    ]
    return {
        "format": "carepages-content",
        "version": 1,
        "locations": locations,
        "services": services,
        "pages": pages,
        "conditions": conditions,
    }
