"""The form on the public pages, as a patient (and a bot, and another site) uses it."""

import pytest

from carepages.core.testing import read, region, text
from carepages.feedback.forms import NO_SUCH_PAGE, NOT_A_NUMBER, TOO_LONG
from carepages.feedback.models import Feedback, FeedbackThrottle
from carepages.testing.servers import call_front as call

from .conftest import CONDITION, OWN_ORIGIN, SERVICE, TREATMENT, form_data, read_form


def cached(front, path: str) -> bytes:
    call(front, path)
    status, headers, body = call(front, path)
    assert (status, headers.get("x-publish-cache")) == (200, "hit")
    return body


@pytest.mark.parametrize("path", [CONDITION, SERVICE, TREATMENT], ids=["condition", "service", "treatment"])
def test_every_content_page_asks_was_this_useful_in_an_accessible_form(client, pages, path):
    soup = read(client.get(path))
    form = read_form(str(soup))
    fieldset = form.find("fieldset")
    assert text(fieldset.find("legend")) == "Was deze informatie nuttig?"
    assert [text(label) for label in fieldset.find_all("label")] == ["Ja", "Nee"]
    comment = form.find("textarea")
    assert text(form.find("label", attrs={"for": comment["id"]})).startswith("Wat kunnen we beter doen?")
    warning = form.find(id=comment["aria-describedby"])
    assert "Schrijf geen persoonlijke gegevens" in text(warning)
    assert form["method"] == "post"
    assert region(soup, "Jouw mening")


def test_a_cached_page_carries_the_form_without_token_or_cookie_and_stays_cached(client, front, pages):
    body = cached(front, CONDITION)
    assert b"csrfmiddlewaretoken" not in body
    data = form_data(body, nuttig="ja", opmerking="Duidelijke uitleg.")

    response = client.post("/feedback/", data, **OWN_ORIGIN)

    assert response.status_code == 302
    assert response["Location"] == f"{CONDITION}?bedankt=1#feedback"
    assert "Set-Cookie" not in response.headers and not response.cookies
    row = Feedback.objects.get()
    assert (row.page_id, row.useful, row.comment) == (pages[CONDITION].pk, True, "Duidelijke uitleg.")
    # The page is still answered from the cache, unchanged: feedback is not a content change.
    status, headers, again = call(front, CONDITION)
    assert (status, headers["x-publish-cache"], again) == (200, "hit", body)


def test_the_thank_you_is_rendered_by_django_and_never_cached(client, front, pages):
    cached(front, CONDITION)
    status, headers, body = call(front, CONDITION, query="bedankt=1")
    assert status == 200 and headers.get("x-publish-cache") != "hit"
    assert "Bedankt voor je feedback" in body.decode()
    assert b'action="/feedback/"' not in body
    _, _, plain = call(front, CONDITION)
    assert b"Bedankt voor je feedback" not in plain


def test_answers_are_counted_per_page_and_a_comment_is_optional(client, pages):
    for path, answer in [(CONDITION, "ja"), (CONDITION, "nee"), (SERVICE, "nee"), (TREATMENT, "ja")]:
        html = client.get(path).content
        assert client.post("/feedback/", form_data(html, nuttig=answer), **OWN_ORIGIN).status_code == 302
    counted = Feedback.objects.values_list("page__slug", "useful", "comment")
    assert sorted(counted) == [
        ("cardiologie", False, ""),
        ("hartfalen", False, ""),
        ("hartfalen", True, ""),
        ("hartrevalidatie", True, ""),
    ]


def test_a_comment_of_exactly_the_limit_with_line_breaks_is_accepted(client, pages):
    comment = "Een regel.\r\n" * 90 + "x" * 10  # 1,000 characters as the browser counts them
    html = client.get(CONDITION).content
    response = client.post("/feedback/", form_data(html, nuttig="nee", opmerking=comment), **OWN_ORIGIN)
    assert response.status_code == 302
    assert Feedback.objects.get().comment.startswith("Een regel. Een regel.")


def test_personal_details_in_a_comment_are_scrubbed_before_storing(client, pages):
    comment = (
        "Bel me op 0470 12 34 56 of +32 3 123 45 67, mail jan.peeters@example.be; "
        "rijksregisternummer 85.07.30-033.28. Kamer 12 was fijn."
    )
    html = client.get(CONDITION).content
    client.post("/feedback/", form_data(html, nuttig="nee", opmerking=comment), **OWN_ORIGIN)
    stored = Feedback.objects.get().comment
    assert stored == (
        "Bel me op [nummer verwijderd] of [nummer verwijderd], mail [e-mailadres verwijderd]; "
        "rijksregisternummer [nummer verwijderd]. Kamer 12 was fijn."
    )


def test_a_bot_that_fills_in_the_hidden_field_is_thanked_but_nothing_is_stored(client, pages):
    html = client.get(CONDITION).content
    form = read_form(html)
    assert form.find("input", attrs={"name": "website"}), "the spam trap is in the form"
    response = client.post(
        "/feedback/", form_data(html, nuttig="ja", website="http://spam.example"), **OWN_ORIGIN
    )
    assert response.status_code == 302
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/aandoeningen/hartfalen/"},
        {},
    ],
    ids=["foreign-origin", "opaque-origin", "foreign-referer", "neither"],
)
def test_a_form_posted_from_another_site_is_refused(client, pages, headers):
    html = client.get(CONDITION).content
    response = client.post("/feedback/", form_data(html, nuttig="ja"), **headers)
    soup = read(response, 403)
    assert text(soup.find("h1")) == "Feedback niet aanvaard"
    assert not Feedback.objects.exists()


def test_the_referer_is_enough_when_a_browser_sends_no_origin(client, pages):
    html = client.get(CONDITION).content
    response = client.post(
        "/feedback/", form_data(html, nuttig="ja"), HTTP_REFERER=f"http://testserver{CONDITION}"
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


def test_too_many_answers_from_one_address_in_an_hour_are_refused_without_storing_it(client, pages, settings):
    settings.FEEDBACK_LIMIT_PER_HOUR = 3
    html = client.get(CONDITION).content
    answers = [
        client.post(
            "/feedback/", form_data(html, nuttig="ja"), REMOTE_ADDR="192.0.2.7", **OWN_ORIGIN
        ).status_code
        for _ in range(5)
    ]
    assert answers == [302, 302, 302, 429, 429]
    assert Feedback.objects.count() == 3
    # Another visitor still may.
    other = client.post("/feedback/", form_data(html, nuttig="ja"), REMOTE_ADDR="192.0.2.8", **OWN_ORIGIN)
    assert other.status_code == 302
    # What is kept for the limit does not contain the address.
    kept = " ".join(f"{row.key} {row.hour} {row.count}" for row in FeedbackThrottle.objects.all())
    assert "192.0.2" not in kept and FeedbackThrottle.objects.count() == 2


def test_the_limit_forgets_last_hours_counts(client, pages, settings, time_machine):
    settings.FEEDBACK_LIMIT_PER_HOUR = 1
    html = client.get(CONDITION).content
    time_machine.move_to("2026-03-02 09:10 +01:00", tick=False)
    assert client.post("/feedback/", form_data(html, nuttig="ja"), **OWN_ORIGIN).status_code == 302
    assert client.post("/feedback/", form_data(html, nuttig="ja"), **OWN_ORIGIN).status_code == 429
    time_machine.move_to("2026-03-02 10:05 +01:00", tick=False)
    assert client.post("/feedback/", form_data(html, nuttig="ja"), **OWN_ORIGIN).status_code == 302
    assert FeedbackThrottle.objects.count() == 1, "last hour's row is gone"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"nuttig": None}, "Kies ‘Ja’ of ‘Nee’ bij ‘Was deze informatie nuttig?’."),
        ({"nuttig": "misschien"}, "Kies ‘Ja’ of ‘Nee’ bij ‘Was deze informatie nuttig?’."),
        ({"opmerking": "x" * 1001}, TOO_LONG),
        ({"opmerking": "Een regel.\r\n" * 100 + "x"}, TOO_LONG),
        ({"pagina": "999999"}, NO_SUCH_PAGE),
        ({"pagina": "99999999999999999999"}, NO_SUCH_PAGE),
        (
            {"pagina": "hartfalen"},
            NOT_A_NUMBER,
        ),
        ({"pagina": None}, "We weten niet over welke pagina je antwoord gaat (veld ‘pagina’ ontbreekt)."),
    ],
    ids=[
        "no-answer",
        "unknown-answer",
        "too-long",
        "too-long-with-line-breaks",
        "unknown-page",
        "huge-page",
        "not-a-number",
        "no-page",
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_stored(client, pages, change, message):
    html = client.get(CONDITION).content
    data = form_data(html, nuttig="ja")
    data.update(change)
    data = {key: value for key, value in data.items() if value is not None}
    response = client.post("/feedback/", data, HTTP_REFERER=f"http://testserver{CONDITION}", **OWN_ORIGIN)
    soup = read(response, 400)
    assert text(soup.find("h1")) == "Je feedback is niet verstuurd"
    assert message in [text(p) for p in soup.find_all("p")]
    assert ("Terug naar de pagina", CONDITION) in [(text(a), a["href"]) for a in soup.find_all("a")]
    assert not Feedback.objects.exists()


def test_a_huge_post_gets_the_same_dutch_message(client, pages, settings):
    html = client.get(CONDITION).content
    data = form_data(html, nuttig="ja", opmerking="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    soup = read(client.post("/feedback/", data, **OWN_ORIGIN), 400)
    assert TOO_LONG in [text(p) for p in soup.find_all("p")]
    assert not Feedback.objects.exists()


def test_the_messages_read_as_dutch_sentences_naming_the_field():
    assert TOO_LONG == "Je opmerking is te lang: schrijf maximaal 1.000 tekens."
    assert NO_SUCH_PAGE == "Deze pagina bestaat niet (meer) of vraagt geen feedback."
    assert NOT_A_NUMBER == (
        "We weten niet over welke pagina je antwoord gaat (veld ‘pagina’ is geen paginanummer)."
    )


def test_pages_that_ask_no_feedback_and_unpublished_pages_refuse_it(client, pages, site_structure):
    html = client.get(CONDITION).content
    home = form_data(html, nuttig="ja", pagina=str(site_structure.home.pk))
    assert client.post("/feedback/", home, **OWN_ORIGIN).status_code == 400
    pages[SERVICE].unpublish()
    draft = form_data(html, nuttig="ja", pagina=str(pages[SERVICE].pk))
    assert client.post("/feedback/", draft, **OWN_ORIGIN).status_code == 400
    assert not Feedback.objects.exists()


def test_opening_the_feedback_address_explains_where_the_form_is(client, db):
    response = client.get("/feedback/")
    soup = read(response, 405)
    assert response["Allow"] == "POST"
    assert "onderaan een pagina" in text(soup)
