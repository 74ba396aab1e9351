"""The seed page /aandoeningen/rugpijn/ as a patient reads it, from the demo content of `make run`.

Every element of the original page is checked with its exact Dutch text,
in reading order, through headings, regions and links rather than styling.
"""

import pytest

from carepages.core.testing import blocks, heading, links, missing_in_order, read, region, text

URL = "/aandoeningen/rugpijn/"

DEFINITION = (
    "Rugpijn is een pijnlijk gevoel in de rug, soms gepaard met stijfheid, of met uitstraling naar de "
    "benen. De pijn kan verschillende oorzaken hebben."
)
WHAT_NOW = (
    "Het is altijd een goed idee om je huisarts of een arts fysieke geneeskunde je rugpijn te laten "
    "opvolgen. De meest voorkomende vorm van rugpijn is lage rugpijn: in de onderrug, al dan niet met "
    "uitstraling naar de benen. Soms gaat de pijn gepaard met stijfheid, waardoor je minder goed kan "
    "bewegen. Mensen nemen ook vaak een onnatuurlijke houding aan om de pijn te vermijden."
)
CAUSE = (
    "Rugpijn kan verschillende oorzaken hebben. De meest voorkomende zijn een gebrek aan beweging, een "
    "slechte houding, stress, vermoeidheid, slijtage of overbelasting van de rug. Soms is er ook een "
    "onderliggende aandoening waarvan de rugpijn een symptoom is. En in sommige gevallen is er geen "
    "aantoonbare medische oorzaak."
)
BOLD = [
    "een gebrek aan beweging",
    "slechte houding",
    "stress",
    "vermoeidheid",
    "slijtage",
    "overbelasting",
    "onderliggende aandoening",
]
PREVENT = [
    "Probeer vaker te bewegen. Het maakt de rug sterker.",
    "Houd bij het rechtstaan altijd je rug recht.",
    "Let erop dat je niet onderuit zakt wanneer je zit.",
    "Moet je iets optillen? Hef vanuit je benen en houd het voorwerp zo dicht mogelijk tegen je lichaam.",
    "Rugligging is de beste slaaphouding.",
]
WHEN_IN_PAIN = ["Blijf ook bij rugpijn bewegen – zonder je te forceren.", "Doseer je activiteiten."]
CAMPUSES = [
    ("ZAS Augustinus", "zas-augustinus"),
    ("ZAS Cadix", "zas-cadix"),
    ("ZAS Elisabeth", "zas-elisabeth"),
    ("ZAS Hoge Beuken", "zas-hoge-beuken"),
    ("ZAS Middelheim", "zas-middelheim"),
    ("ZAS Palfijn", "zas-palfijn"),
    ("ZAS Sint-Jozef", "zas-sint-jozef"),
    ("ZAS Vincentius", "zas-vincentius"),
    ("ZAS Paola", "zas-paola"),
    ("ZAS Medisch Centrum Kaai 142", "zas-medisch-centrum-kaai-142"),
]
SERVICE = "Fysische geneeskunde en revalidatie"
SERVICE_URL = "/diensten/fysische-geneeskunde-en-revalidatie/"

#: The seed page from top to bottom, as a screen reader reads it.
READING_ORDER = [
    "Rugpijn",
    DEFINITION,
    "Over",
    "Rugpijn, wat nu?",
    WHAT_NOW,
    "Wat is de oorzaak?",
    CAUSE,
    "Hoe kan ik zelf rugpijn voorkomen?",
    *PREVENT,
    *WHEN_IN_PAIN,
    "Zie ook",
    "Rugrevalidatie",
    "Rugpijn onderzoeken",
    "Laatst bijgewerkt op 02/07/2024",
    "Diensten",
    "1 - 1 van 1",
    "Filters",
    "Dienst",
    SERVICE,
    "Aanwezig op de volgende locaties:",
    *[name for name, _ in CAMPUSES],
    "Info ombudsdienst",
    "Verantwoordelijke uitgever",
]

pytestmark = pytest.mark.usefixtures("demo_content")


@pytest.fixture
def page(client):
    return read(client.get(URL))


def test_every_seed_element_reads_in_the_seed_order(page):
    assert missing_in_order(READING_ORDER, blocks(page.body)) == []


def test_one_h1_the_title_and_the_definition_under_it(page):
    assert [text(h) for h in page.find_all("h1")] == ["Rugpijn"]
    assert text(page.title) == "Rugpijn | Voorbeeldziekenhuis"  # the hospital's name (site setting)
    assert DEFINITION in blocks(page.find("main"))


def test_over_has_the_three_question_headed_sections(page):
    over = region(page, "Over")
    assert [text(h) for h in over.find_all("h3")] == [
        "Rugpijn, wat nu?",
        "Wat is de oorzaak?",
        "Hoe kan ik zelf rugpijn voorkomen?",
    ]
    assert [text(p) for p in region(over, "Wat is de oorzaak?").find_all("p")] == [CAUSE]


def test_key_words_are_strong_not_just_bold(page):
    assert [text(s) for s in region(page, "Wat is de oorzaak?").find_all("strong")] == BOLD
    assert not page.find("main").find_all("b")


def test_both_tip_lists(page):
    lists = region(page, "Hoe kan ik zelf rugpijn voorkomen?").find_all("ul")
    assert [[text(li) for li in ul.find_all("li")] for ul in lists] == [PREVENT, WHEN_IN_PAIN]


def test_zie_ook_links_lead_to_real_pages(client, page):
    see_also = links(region(page, "Zie ook"))
    assert see_also == [
        ("Rugrevalidatie", "/behandelingen/rugrevalidatie/"),
        ("Rugpijn onderzoeken", "/onderzoeken/rugpijn-onderzoeken/"),
    ]
    for name, href in see_also:
        assert heading(read(client.get(href)), name, "h1")


def test_last_updated_date(page):
    time = page.find("time")
    assert text(time.parent) == "Laatst bijgewerkt op 02/07/2024"
    assert time["datetime"] == "2024-07-02"


def test_services_block_count_filters_and_card(page):
    services = region(page, "Diensten")
    assert "1 - 1 van 1" in blocks(services)

    summary = services.find("summary")
    assert text(summary) == "Filters"
    form = summary.find_parent("details").find("form")
    assert form["method"] == "get"
    select = form.find("select")
    label = form.find("label", attrs={"for": select["id"]})
    assert text(label) == "Locatie"
    assert [option["value"] for option in select.find_all("option")] == [""] + sorted(
        slug for _, slug in CAMPUSES
    )

    cards = services.find("ul").find_all("li", recursive=False)
    assert len(cards) == 1
    card = cards[0]
    assert blocks(card)[:3] == ["Dienst", SERVICE, "Aanwezig op de volgende locaties:"]
    assert links(card)[0] == (SERVICE, SERVICE_URL)
    assert links(card)[1:] == [(name, f"/locaties/{slug}/") for name, slug in CAMPUSES]


def test_service_and_campus_links_open_their_pages(client, page):
    card_links = links(region(page, "Diensten").find("ul"))
    for name, href in card_links:
        assert heading(read(client.get(href)), name, "h1")


def test_footer_is_the_contentinfo_landmark_with_both_texts(page):
    footers = page.find_all("footer")
    assert len(footers) == 1 and not footers[0].find_parent(["main", "article", "section"])
    assert text(region(footers[0], "Info ombudsdienst"))
    assert text(region(footers[0], "Verantwoordelijke uitgever"))
