"""Schemathesis against the served OpenAPI document: no server error, no response outside the schema.

The document and every request go through the site's real WSGI application (all
middleware, URL routing, database), in the test's own transaction, so no live
server and no flush of the test database are needed. A bounded number of generated
requests per operation keeps the suite fast.
"""

import hypothesis
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase
from schemathesis.generation import GenerationMode

from carepages.content_io.importer import import_document

from .test_api import hospital

EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}


def test_api_answers_as_its_openapi_document_says(site_structure):
    import_document(hospital())
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 7
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
