"""Readability check benchmark: time to analyse a 1,500-word page, and the calibration figures.

No database: the analysis is pure. Prints
* the first analysis in a process (loads the pyphen and wordfreq dictionaries),
* a 1,500-word page with cold word caches (new words) and warm ones (an edit of the same page),
* 300 different pages in a row, the cost of scoring a site on the fly instead of storing scores,
* the score and level of each calibration text (carepages/readability/calibration/).

    .venv/bin/python bench/bench_readability.py
"""

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from carepages.readability import analysis  # noqa: E402

CALIBRATION = ROOT / "carepages" / "readability" / "calibration"
TARGET_WORDS = 1500


def paragraphs() -> list[tuple[str, str]]:
    found = []
    for path in sorted(CALIBRATION.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if block.strip():
                found.append((path.stem, " ".join(block.split())))
    return found


def page_of(blocks: list[str], words: int = TARGET_WORDS) -> list[str]:
    page, count = [], 0
    for block in blocks:
        if count >= words:
            break
        page.append(block)
        count += len(analysis.words(block))
    return page


def clear_word_caches() -> None:
    # Our caches only: wordfreq keeps its own, so "cold" is a page of words new to this check.
    for cached in (analysis.syllables, analysis._zipf, analysis.is_rare, analysis.is_participle):
        cached.cache_clear()


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    texts = [text for _, text in paragraphs()]
    page = page_of(texts)
    words = sum(len(analysis.words(block)) for block in page)

    first = timed(analysis.analyse, page, ["Rugpijn"], ["Rugpijn"])
    cold = []
    for _ in range(5):
        clear_word_caches()
        cold.append(timed(analysis.analyse, page, ["Rugpijn"], ["Rugpijn"]))
    warm = [timed(analysis.analyse, page, ["Rugpijn"], ["Rugpijn"]) for _ in range(20)]
    print(f"page of {words} words, {len(page)} blocks")
    print(f"  first analysis in the process (dictionaries load): {first:.0f} ms")
    print(f"  cold word caches: median {statistics.median(cold):.1f} ms, max {max(cold):.1f} ms")
    print(f"  warm word caches: median {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms")

    rng = random.Random(12)
    pages = [rng.sample(texts, 8) for _ in range(300)]
    clear_word_caches()
    start = time.perf_counter()
    for blocks in pages:
        analysis.analyse(blocks, ["Pagina"])
    total = time.perf_counter() - start
    mean_words = statistics.mean(sum(len(analysis.words(b)) for b in blocks) for blocks in pages)
    print(f"300 pages of ~{mean_words:.0f} words on the fly: {total * 1000:.0f} ms in all")

    print("calibration texts (intended level → score, level, words/sentence, syllables/word)")
    for path in sorted(CALIBRATION.glob("*.txt")):
        topic, intended = path.stem.split("_")
        blocks = [" ".join(b.split()) for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        report = analysis.analyse(blocks, [topic.capitalize()], [topic])
        print(
            f"  {topic:10} {intended:3} → {report.score:6.1f} {report.level:4}"
            f" {report.words_per_sentence:5.1f} {report.syllables_per_word:5.2f}"
            f"  long {len(report.long_sentences)}, jargon {len(report.jargon)},"
            f" passive {len(report.passives)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
