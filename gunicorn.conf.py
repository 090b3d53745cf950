"""Gunicorn settings, from the environment so a deployment needs no file of its own."""

import ipaddress
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(min(4, multiprocessing.cpu_count() * 2 + 1))))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# An empty GUNICORN_ACCESS_LOG turns the access log off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
wsgi_app = "portal.wsgi:application"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def _is_loopback(address):
    """True for unix sockets and loopback hosts (127.0.0.0/8, ::1, localhost)."""
    if address.startswith("unix:"):
        return True
    host = address.rsplit(":", 1)[0].strip("[]") if ":" in address else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# The development settings have a published SECRET_KEY, DEBUG on and demo passwords: served on a
# public address, anyone on the network could sign in or forge sessions.
if os.environ.get(
    "DJANGO_SETTINGS_MODULE", "portal.settings.dev"
) == "portal.settings.dev" and not _is_loopback(bind):
    raise SystemExit(
        f"Refusing to serve the development settings on {bind}: they are for this machine only. "
        "Use 127.0.0.1, or set DJANGO_SETTINGS_MODULE=portal.settings.production with SECRET_KEY and "
        "ALLOWED_HOSTS (see README.md, Configuration)."
    )
