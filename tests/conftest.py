"""Shared fixtures: paths to test scenarios, and a private data folder for autosaves."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Never touch the user's real autosave or log while testing."""
    monkeypatch.setenv("PARLEY_DATA_DIR", str(tmp_path / "parley-data"))
    return tmp_path / "parley-data"


@pytest.fixture(scope="session")
def tiny():
    from game.scenario import load_scenario

    return load_scenario(str(DATA / "tiny.yaml"))
