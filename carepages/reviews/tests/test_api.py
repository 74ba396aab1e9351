"""The review keys of the public API (docs/api.md): additive, on a condition's detail."""


def test_condition_detail_carries_the_review(client, hernia):
    data = client.get("/api/v1/conditions/hernia/").json()
    assert data["last_updated"] == "2024-07-02"
    assert (data["last_reviewed"], data["next_review"]) == ("2025-03-01", "2028-03-01")
    # `doctor` names a reviewer's page under /artsen/ (docs/api.md); these two have none.
    assert data["reviewed_by"] == [
        {"name": "An Voorbeeld", "role": "diensthoofd neurochirurgie", "doctor": None},
        {"name": "Bert Peeters", "role": "", "doctor": None},
    ]
    assert data["sources"] == [
        {
            "title": "Lage rugpijn en lumbosacraal radiculair syndroom",
            "publisher": "KCE",
            "year": 2017,
            "url": "https://kce.fgov.be/nl/lage-rugpijn",
        },
        {"title": "Richtlijn hernia", "publisher": "", "year": None, "url": ""},
    ]


def test_a_condition_never_reviewed_is_due_from_its_last_update(client, hernia):
    type(hernia).objects.filter(pk=hernia.pk).update(reviewed_on=None)
    data = client.get("/api/v1/conditions/hernia/").json()
    assert (data["last_reviewed"], data["next_review"]) == (None, "2027-07-02")


def test_the_openapi_document_describes_the_review_keys(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    detail = schema["components"]["schemas"]["ConditionDetail"]
    assert {"last_reviewed", "next_review", "reviewed_by", "sources"} <= set(detail["required"])
