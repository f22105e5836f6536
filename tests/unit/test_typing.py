"""The scenario compiler and the engine keep a typed public API, checked by mypy."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_mypy_finds_no_type_errors_in_scenario_and_engine():
    targets = ["game/errors.py", "game/scenario", "game/engine"]
    result = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary",
                             *targets], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
