"""gunicorn refuses to serve the development settings on anything but this machine."""

import runpy
from pathlib import Path

import pytest

CONFIG = str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py")


def load_config(monkeypatch, bind, settings_module=None):
    monkeypatch.setenv("GUNICORN_BIND", bind)
    if settings_module is None:
        monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    else:
        monkeypatch.setenv("DJANGO_SETTINGS_MODULE", settings_module)
    return runpy.run_path(CONFIG)


@pytest.mark.parametrize("bind", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "unix:/run/portal.sock"])
def test_development_settings_are_served_on_loopback(monkeypatch, bind):
    assert load_config(monkeypatch, bind, "portal.settings.dev")["bind"] == bind


@pytest.mark.parametrize("bind", ["0.0.0.0:8000", "192.0.2.10:8000", "[::]:8000", "portal.example:80"])
@pytest.mark.parametrize("settings_module", [None, "portal.settings.dev"])
def test_development_settings_are_refused_on_a_public_address(monkeypatch, bind, settings_module):
    with pytest.raises(SystemExit, match="Refusing to serve the development settings"):
        load_config(monkeypatch, bind, settings_module)


def test_production_settings_may_bind_any_address(monkeypatch):
    assert load_config(monkeypatch, "0.0.0.0:8000", "portal.settings.production")["bind"] == "0.0.0.0:8000"
