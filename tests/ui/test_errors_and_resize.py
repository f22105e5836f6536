"""A crash shows the error screen (autosave and log named) and the game resumes; the
layout survives every window size from 1024×600 to 1920×1080."""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.session import Session
from game.ui.screens.title import TitleScreen
from tests.ui.conftest import TINY
from tests.ui.driver import click, has, pump, wait_for


def to_first_move(make_app):
    """Title -> setup (North a person) -> briefing -> the play screen, by clicks."""
    app = make_app()
    app.show(TitleScreen([TINY]))
    pump(app)
    click(app, "1  A tiny crisis")
    click(app, "Start")
    click(app, "Ready")
    return app


def test_error_screen_then_resume_from_autosave(make_app, data_dir, monkeypatch):
    app = to_first_move(make_app)
    click(app, "1  Request safe-conduct")

    def broken(self, move_id):
        raise RuntimeError("simulated failure")
    wait_for(app, lambda: has(app, "1  ") or has(app, "OK, noted"))
    if has(app, "OK, noted"):
        click(app, "OK, noted")
    with monkeypatch.context() as patch:
        patch.setattr(Session, "play", broken)
        click(app, "1  ")
    text = app.visible_text()
    assert "Something went wrong" in text and "simulated failure" in text
    assert str(data_dir / "autosave.json") in text
    assert str(data_dir / "parley.log") in text
    assert "simulated failure" in (data_dir / "parley.log").read_text(encoding="utf-8")
    click(app, "Resume from the autosave")
    assert "North requests safe-conduct" in app.visible_text()


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080), (1100, 640)])
def test_resize_keeps_every_button_inside_the_window(make_app, size):
    app = to_first_move(make_app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    pump(app)
    assert app.window.get_size() == size
    window = app.window.get_rect()
    buttons = [e for e in app.manager.get_sprite_group().sprites()
               if isinstance(e, UIButton) and e.visible]
    assert buttons
    for element in buttons:
        assert window.contains(element.rect), f"{element.text!r} at {element.rect} is outside {window}"
    rects = [e.rect for e in buttons]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.colliderect(b), f"buttons overlap: {a} {b}"
    assert "Request safe-conduct" in app.visible_text()
