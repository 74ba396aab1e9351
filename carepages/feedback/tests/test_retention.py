"""Answers are kept two years (FEEDBACK_RETENTION_DAYS), then a daily command safe under cron deletes them."""

import io
from datetime import timedelta

from django.core.management import call_command

from carepages.feedback.models import Feedback, FeedbackThrottle

from .conftest import CONDITION, OWN_ORIGIN, form_data

ANSWERS = "/admin/feedback/antwoorden/"


def _answer(page, days_ago: int, today, comment: str = "") -> Feedback:
    day = today - timedelta(days=days_ago)
    return Feedback.objects.create(page=page, useful=True, comment=comment, day=day)


def _kept_days(today) -> list[int]:
    return sorted((today - day).days for day in Feedback.objects.values_list("day", flat=True))


def purge_feedback() -> str:
    out = io.StringIO()
    call_command("purge_feedback", stdout=out)
    return out.getvalue()


def test_answers_older_than_two_years_are_deleted_and_a_second_run_deletes_nothing(pages, today):
    page = pages[CONDITION]
    for days_ago in (1100, 730, 729, 0):
        _answer(page, days_ago, today)

    first = purge_feedback()
    assert _kept_days(today) == [0, 729]
    oldest = f"{today - timedelta(days=729):%d/%m/%Y}"
    assert f"2 answers deleted; kept the last 730 days (from {oldest})" in first

    assert "0 answers deleted" in purge_feedback()
    assert _kept_days(today) == [0, 729]


def test_the_retention_is_a_setting(pages, today, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    for days_ago in (30, 29):
        _answer(pages[CONDITION], days_ago, today)
    assert "1 answer deleted; kept the last 30 days" in purge_feedback()
    assert _kept_days(today) == [29]


def test_the_report_no_longer_shows_a_deleted_comment(admin_client, pages, today):
    _answer(pages[CONDITION], 800, today, comment="Een oude opmerking.")
    _answer(pages[CONDITION], 10, today, comment="Een recente opmerking.")
    purge_feedback()
    answers = admin_client.get(ANSWERS, {"pagina": pages[CONDITION].pk}).content.decode()
    assert "Een recente opmerking." in answers
    assert "Een oude opmerking." not in answers


def test_rate_limit_rows_of_past_hours_go_and_this_hours_count_stays(client, pages, today):
    html = client.get(CONDITION).content
    assert client.post("/feedback/", form_data(html, nuttig="ja"), **OWN_ORIGIN).status_code == 302
    current = FeedbackThrottle.objects.get()
    FeedbackThrottle.objects.create(key="een-vorig-uur", hour=current.hour - timedelta(hours=3), count=5)

    assert "1 rate-limit row of past hours deleted" in purge_feedback()
    assert list(FeedbackThrottle.objects.values_list("key", "count")) == [(current.key, 1)]
