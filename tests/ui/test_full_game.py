"""A whole game, title screen to debrief, with the mouse alone and with the keyboard alone."""

from __future__ import annotations

import pygame

from game.ui.screens.title import TitleScreen
from tests.ui.conftest import TINY
from tests.ui.driver import button, click, has, key, pump, wait_for


def start(make_app):
    app = make_app()
    app.show(TitleScreen([TINY]))
    pump(app)
    return app


def test_mouse_only_game_from_title_to_debrief(make_app, data_dir):
    app = start(make_app)
    assert "A tiny crisis" in app.visible_text()
    click(app, "1  A tiny crisis")
    assert "Who plays each role?" in app.visible_text()
    click(app, "Start")
    assert "Get the asylee out." in app.visible_text()  # North's private briefing
    click(app, "Ready")
    for _ in range(60):
        wait_for(app, lambda: any(has(app, t) for t in ("1  ", "0  Hold", "OK, noted", "See how it ended")))
        if has(app, "See how it ended"):
            break
        if has(app, "OK, noted"):
            click(app, "OK, noted")
        elif has(app, "1  "):
            click(app, "1  ")
        else:
            click(app, "0  Hold")
    assert (data_dir / "autosave.json").is_file()
    click(app, "See how it ended")
    assert "Ending:" in app.visible_text() and "Results" in app.visible_text()
    click(app, "Debrief")
    assert "Nothing, it is a test." in app.visible_text()
    assert "Was it fair?" in app.visible_text()
    click(app, "Save class report")
    assert "Class report saved" in app.visible_text()
    report = next((data_dir / "reports").glob("tiny_crisis-seed*.md")).read_text(encoding="utf-8")
    assert report.startswith("# Parley session report: A tiny crisis") and "Was it fair?" in report
    click(app, "OK")
    click(app, "Title screen")
    assert "Choose a crisis" in app.visible_text()


def test_keyboard_only_game(make_app):
    app = start(make_app)
    key(app, pygame.K_1)  # the first crisis
    assert "Who plays each role?" in app.visible_text()
    key(app, pygame.K_RETURN)  # Enter starts the game with the default roles (you play North)
    assert "Get the asylee out." in app.visible_text()
    key(app, pygame.K_TAB)  # the focus ring is on the only button: Ready
    assert app.top.focused() is button(app, "Ready")
    key(app, pygame.K_RETURN)
    for _ in range(80):
        wait_for(app, lambda: any(has(app, t) for t in ("1  ", "0  Hold", "OK, noted", "See how it ended")))
        if has(app, "See how it ended") or has(app, "OK, noted"):
            if has(app, "See how it ended"):
                break
            key(app, pygame.K_RETURN)
        else:
            key(app, pygame.K_1 if has(app, "1  ") else pygame.K_0)
    key(app, pygame.K_RETURN)
    assert "Ending:" in app.visible_text()
    key(app, pygame.K_RETURN)
    assert "Nothing, it is a test." in app.visible_text()
    key(app, pygame.K_ESCAPE)
    assert "Resume" in app.visible_text()
    key(app, pygame.K_ESCAPE)
    assert button(app, "Title screen")
