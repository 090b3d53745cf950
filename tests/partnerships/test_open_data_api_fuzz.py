"""Schema-driven fuzzing of the API with schemathesis, from its own /api/openapi.json: valid and
invalid parameters for every operation, in a bounded, deterministic run inside the suite, through the
WSGI application (no network). No answer may be a server error, and every answer must be one the
document describes: its status, its content type and its body's schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from partnerships.opendata import api as opendata_api
from portal.wsgi import application
from tests.factories import CooperationAreaFactory, public_contribution, public_partner
from tests.register_helpers import tag

EXAMPLES_PER_OPERATION = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def keep_the_test_transaction():
    """The WSGI handler closes 'old' connections around each request, which inside a test's transaction
    would close it; Django's test client disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def planted(db, keep_the_test_transaction):
    area = CooperationAreaFactory(slug="cyber", name="Cyber")
    partner = tag(public_partner(name="Fuzzed partner"), area)
    tag(public_contribution(partner=partner, reference="FUZZ-1"), area)
    public_contribution(partner=partner, reference="FUZZ-2", in_kind=True, status="pledged")


# The document as /api/openapi.json serves it (test_open_data_api checks that they are the same).
schema = schemathesis.openapi.from_dict(
    opendata_api.api.get_openapi_schema(),
    config=schemathesis.Config.from_dict(
        {
            "generation": {"mode": "all", "max-examples": EXAMPLES_PER_OPERATION, "deterministic": True},
            "phases": {"coverage": {"enabled": False}},
        }
    ),
)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_generated_request_as_documented(case, planted):
    response = case.call(app=application)
    case.validate_response(response, checks=CHECKS)
