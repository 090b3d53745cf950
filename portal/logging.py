"""Log records that say which request they belong to, and a JSON formatter for log collectors
(LOG_FORMAT=json, docs/deploy.md).

`portal.middleware.RequestIDMiddleware` opens a `request_context()` around each request; every record
logged inside it, by any logger and in any layer, carries that request's id, method and path."""

import contextvars
import json
import logging
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

# What a reverse proxy may hand over as X-Request-ID: anything else (spaces, line breaks that would
# forge a log line, an overlong value) is replaced by an id of our own.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    method: str
    path: str


_current = contextvars.ContextVar("portal_request", default=None)


def request_id_from(header_value):
    """The proxy's id when it is a sane token, else a new one."""
    if header_value and REQUEST_ID_PATTERN.fullmatch(header_value):
        return header_value
    return uuid.uuid4().hex


@contextmanager
def request_context(request_id, method, path):
    token = _current.set(RequestContext(request_id, method, path))
    try:
        yield
    finally:
        _current.reset(token)


def current_request():
    """The RequestContext of the request being answered in this thread, or None."""
    return _current.get()


def context_of(request):
    """Django logs a response of 400 and over once the middleware have all returned, with the request
    on the record: the id the middleware gave it is read from there."""
    request_id = getattr(request, "request_id", None)
    if request_id is None:
        return None
    return RequestContext(request_id, request.method, request.path)


class JSONFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, logger, message; the request's id, method and path
    inside a request; its status where the record knows it; the exception's text when there is one."""

    def format(self, record):
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = current_request() or context_of(getattr(record, "request", None))
        if context is not None:
            entry.update(request_id=context.request_id, method=context.method, path=context.path)
        # Django's request loggers and the portal's access line both give the status as status_code.
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        duration = getattr(record, "duration_ms", None)
        if duration is not None:
            entry["duration_ms"] = duration
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
