"""Logs a collector can read (LOG_FORMAT=json) and a request id that ties the proxy's log line, the
portal's records and the reader's error report together (issue 13, docs/deploy.md, Monitoring)."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from django.db import OperationalError

from portal.logging import JSONFormatter

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """The JSON formatter on the loggers a request writes to; yields a function returning the lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    loggers = [logging.getLogger(name) for name in ("portal.access", "django.request", "portal.views")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_each_response_carries_a_request_id_of_its_own(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_request_is_logged_as_json_with_the_id_the_response_returns(client, json_log):
    response = client.get("/healthz")
    [line] = json_log()
    assert line["request_id"] == response["X-Request-ID"]
    assert line["logger"] == "portal.access"
    assert line["level"] == "INFO"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["message"] == "GET /healthz 200"
    assert {"timestamp", "duration_ms"} <= line.keys()


def test_records_logged_while_answering_carry_the_same_id(client, json_log):
    response = client.get("/en/no-such-page/", HTTP_X_REQUEST_ID="lb-7f3a.42_x")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-7f3a.42_x"
    lines = json_log()
    assert sorted(line["logger"] for line in lines) == ["django.request", "portal.access"]
    assert {line["request_id"] for line in lines} == {"lb-7f3a.42_x"}
    assert {line["path"] for line in lines} == {"/en/no-such-page/"}
    [not_found] = [line for line in lines if line["logger"] == "django.request"]
    assert not_found["message"] == "Not Found: /en/no-such-page/"
    assert not_found["status"] == 404


def test_what_a_view_logs_carries_the_id_too(client, json_log):
    with mock.patch("portal.health.Site.objects.exists", side_effect=OperationalError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    [failure] = [line for line in json_log() if line["logger"] == "portal.views"]
    assert failure["message"].startswith("Health check failed")
    assert failure["request_id"] == response["X-Request-ID"]


@pytest.mark.parametrize(
    "incoming",
    ["a b\n", '{"forged": "line"}', "x" * 65, "id\r\nSet-Cookie: sessionid=stolen", "é-accent", ""],
)
def test_an_unfit_incoming_request_id_is_replaced(client, json_log, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    request_id = response["X-Request-ID"]
    assert request_id != incoming
    assert len(request_id) == 32 and request_id.isalnum()
    assert json_log()[0]["request_id"] == request_id


def test_an_exception_is_logged_with_its_traceback_outside_any_request():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("portal.tests.logging")
    logger.addHandler(handler)
    try:
        try:
            {}["missing"]
        except KeyError:
            logger.exception("Lookup failed for %s", "missing")
    finally:
        logger.removeHandler(handler)
    line = json.loads(stream.getvalue())
    assert line["message"] == "Lookup failed for missing"
    assert line["level"] == "ERROR"
    assert "KeyError: 'missing'" in line["exception"]
    assert "request_id" not in line


def run_with_log_format(log_format):
    environment = {key: value for key, value in os.environ.items() if key != "LOG_FORMAT"}
    if log_format is not None:
        environment["LOG_FORMAT"] = log_format
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('portal.probe').warning('Mail host %s did not answer', 'smtp.example.org')"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_log_format_json_makes_the_console_write_json():
    result = run_with_log_format("json")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "Mail host smtp.example.org did not answer"
    assert (line["level"], line["logger"]) == ("WARNING", "portal.probe")


def test_plain_text_stays_the_default():
    result = run_with_log_format(None)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "Mail host smtp.example.org did not answer"


def test_an_unknown_log_format_stops_start_up():
    result = run_with_log_format("xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be 'text' or 'json'" in result.stderr
