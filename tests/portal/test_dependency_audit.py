"""`make lint` audits the dependencies with pip-audit, and says plainly when it cannot (issue 13)."""

import shutil
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def make(*args):
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=BASE_DIR, capture_output=True, text=True, timeout=300
    )


def test_lint_runs_the_audit():
    plan = make("-n", "lint").stdout
    assert "pip-audit --strict" in plan


def test_without_the_vulnerability_data_the_audit_says_it_did_not_check():
    # Port 9 (discard) on this machine: nothing answers there.
    result = make("audit", "AUDIT_PROBE=http://127.0.0.1:9/pypi/Django/json")
    assert result.returncode == 0, result.stderr
    assert "pip-audit: NOT CHECKED" in result.stderr
    assert "not audited" in result.stderr
