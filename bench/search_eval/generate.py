"""A large generated corpus: thousands of plausible hospital pages that compete with the real ones.

Titles combine body parts, complaints and qualifiers ("Schouderletsel bij
sporters", "Pijn in de knie na een val"), bodies are Dutch prose drawn from
wordfreq's commonest words with medical words mixed in, so posting lists are
as long as a real site's and many pages half-match every query.
"""

import random

from wordfreq import top_n_list

BODY_PARTS = [
    "schouder",
    "knie",
    "heup",
    "rug",
    "nek",
    "hand",
    "voet",
    "enkel",
    "elleboog",
    "pols",
    "oog",
    "oor",
    "neus",
    "keel",
    "long",
    "hart",
    "nier",
    "blaas",
    "lever",
    "maag",
    "darm",
    "huid",
    "borst",
    "hoofd",
    "bekken",
    "kaak",
    "tand",
    "been",
    "arm",
    "buik",
    "prostaat",
    "schildklier",
    "ader",
    "zenuw",
    "spier",
]
COMPLAINTS = [
    "pijn",
    "ontsteking",
    "letsel",
    "klachten",
    "kanker",
    "operatie",
    "onderzoek",
    "revalidatie",
    "breuk",
    "infectie",
    "zwelling",
    "stijfheid",
    "prothese",
    "scan",
    "verzorging",
    "problemen",
    "tumor",
    "aandoening",
]
QUALIFIERS = [
    "bij kinderen",
    "bij sporters",
    "na een val",
    "tijdens de zwangerschap",
    "bij ouderen",
    "na een operatie",
    "bij diabetes",
    "op het werk",
    "in de winter",
    "bij jongeren",
    "na de bevalling",
    "bij zwaarlijvigheid",
]
KINDS = ["condition"] * 6 + ["treatment"] * 2 + ["examination"] * 1 + ["service"] * 1


def generated_document(count: int, seed: int = 20240702) -> dict:
    """`count` generated entries (conditions, pages, services) as one import document."""
    rng = random.Random(seed)
    common = top_n_list("nl", 4000)[100:]  # past the very commonest: those are mostly stopwords
    medical = BODY_PARTS + COMPLAINTS + ["arts", "behandeling", "ziekenhuis", "medicatie", "kinesitherapie"]
    conditions, pages, services = [], [], []
    for n in range(count):
        part, complaint = rng.choice(BODY_PARTS), rng.choice(COMPLAINTS)
        if rng.random() < 0.5:
            title = f"{part}{complaint}".capitalize()
        else:
            title = f"{complaint.capitalize()} van de {part}"
        title = f"{title} {rng.choice(QUALIFIERS)} ({n})"
        slug = f"gegenereerd-{n}"
        intro = " ".join(rng.choice(common) for _ in range(15)).capitalize() + f" {part} {complaint}."
        body_words = [rng.choice(medical) if rng.random() < 0.1 else rng.choice(common) for _ in range(120)]
        body = " ".join(body_words).capitalize() + "."
        sections = [{"heading": "Wat moet je weten?", "body": f"<p>{body}</p>"}]
        kind = rng.choice(KINDS)
        if kind == "condition":
            conditions.append(
                {"slug": slug, "title": title, "intro": intro, "sections": sections, "also_known_as": []}
            )
        elif kind == "service":
            services.append({"slug": slug, "name": title, "intro": intro})
        else:
            pages.append({"slug": slug, "title": title, "kind": kind, "intro": intro, "sections": sections})
    return {
        "format": "carepages-content",
        "version": 1,
        "locations": [],
        "services": services,
        "pages": pages,
        "conditions": conditions,
    }
