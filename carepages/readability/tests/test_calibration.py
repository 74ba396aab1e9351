"""The check against texts whose level is known (calibration/README.md; figures in docs/readability.md)."""

from pathlib import Path

import pytest

from carepages.readability.analysis import LEVEL_ORDER, Report, analyse

CALIBRATION = Path(__file__).resolve().parent.parent / "calibration"
TOPICS = ["astma", "diabetes", "hartfalen", "rugpijn"]


def analyse_text(topic: str, level: str) -> Report:
    text = (CALIBRATION / f"{topic}_{level}.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    return analyse(paragraphs, headings=[topic.capitalize()], known=[topic])


def test_every_topic_has_a_b1_text_and_a_specialist_twin():
    names = {path.stem for path in CALIBRATION.glob("*.txt")}
    assert {f"{topic}_{level}" for topic in TOPICS for level in ("B1", "C1")} <= names


@pytest.mark.parametrize("topic", TOPICS)
def test_each_b1_text_is_easier_than_its_specialist_twin(topic):
    b1, specialist = analyse_text(topic, "B1"), analyse_text(topic, "C1")
    assert b1.score > specialist.score
    assert len(b1.jargon) < len(specialist.jargon)
    assert len(b1.long_sentences) < len(specialist.long_sentences)


@pytest.mark.parametrize("topic", TOPICS)
def test_b1_texts_are_at_b1_or_easier_and_specialist_texts_above(topic):
    assert not analyse_text(topic, "B1").above_b1
    assert analyse_text(topic, "C1").level == "C1+"


@pytest.mark.parametrize("path", sorted(CALIBRATION.glob("*.txt")), ids=lambda path: path.stem)
def test_each_text_gets_its_intended_level(path):
    topic, intended = path.stem.split("_")
    expected = "C1+" if intended == "C1" else intended
    assert analyse_text(topic, intended).level == expected


@pytest.mark.parametrize("topic", ["astma", "rugpijn"])
def test_the_four_levels_of_one_topic_are_ranked_in_order(topic):
    levels = [level for level in ("A2", "B1", "B2", "C1") if (CALIBRATION / f"{topic}_{level}.txt").exists()]
    scores = [analyse_text(topic, level).score for level in levels]
    assert levels == ["A2", "B1", "B2", "C1"]
    assert scores == sorted(scores, reverse=True)
    assert LEVEL_ORDER == ["A2", "B1", "B2", "C1+"]
