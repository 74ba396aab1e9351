"""Schemathesis against the served OpenAPI document: no server error, no response outside the schema.

The document and every request go through the site's real WSGI application (all
middleware, URL routing, database), in the test's own transaction, so no live
server and no flush of the test database are needed. A bounded number of generated
requests per operation keeps the suite fast.
"""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from schemathesis.generation import GenerationMode

from carepages.content_io.importer import import_document

from .test_api import hospital

EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}

pytestmark = pytest.mark.slow  # a few hundred generated requests


@pytest.fixture
def wsgi_app():
    """The site's WSGI application, kept inside the test's transaction.

    As Django's test client does: without this, the end of every request closes the
    database connection that holds the (uncommitted) test data.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_api_answers_as_its_openapi_document_says(site_structure, wsgi_app):
    import_document(hospital())
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9
    tried = 0
    for operation in operations:
        for mode, examples in EXAMPLES.items():

            @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis.settings(
                max_examples=examples,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                nonlocal tried
                tried += 1
                # All of schemathesis's checks: not a server error, status code and content type
                # documented, body valid against the response schema, bad input rejected with 4xx.
                case.call_and_validate(headers={"Host": "localhost"})

            check()
    assert tried >= len(operations) * 10
