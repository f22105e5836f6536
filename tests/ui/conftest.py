"""Headless UI tests: the SDL dummy driver, a private data folder, no computer pauses.

Tests drive the window only through posted pygame events (clicks at a button's position,
key presses), like a person would; `app.find_button` only tells where a button is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["PARLEY_UI_PAUSE"] = "0"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "data" / "tiny.yaml"
PERU = ROOT / "scenarios" / "peru_mexico_2025.yaml"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Never touch the real autosave, settings or log."""
    folder = tmp_path / "parley-data"
    monkeypatch.setenv("PARLEY_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def fixed_seed(monkeypatch):
    """The setup screen offers a random seed; tests need the same game every run."""
    from game.ui import flow

    monkeypatch.setattr(flow, "new_seed", lambda: 1)
    return 1


@pytest.fixture
def make_app():
    from game.ui.app import App
    from game.ui.settings import Settings

    made = []

    def make(size=(1024, 600), **settings):
        app = App(size=size, settings=Settings(**settings))
        made.append(app)
        return app
    yield make
    import pygame
    pygame.event.clear()
