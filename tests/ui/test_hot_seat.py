"""Hot-seat: two teams at one screen never see each other's private briefing."""

from __future__ import annotations

import pygame

from game.ui.screens.title import TitleScreen
from tests.ui.conftest import TINY
from tests.ui.driver import click, key, pump

NORTH_SECRET = "Get the asylee out."
SOUTH_SECRET = "Keep authority."


def test_two_teams_see_only_their_own_briefing(make_app):
    app = make_app()
    app.show(TitleScreen([TINY]))
    pump(app)
    click(app, "1  A tiny crisis")
    click(app, "Computer")  # South: played by a person too
    assert "Hot-seat for 2 teams" in app.visible_text()
    click(app, "Start")
    text = app.visible_text()
    assert "Pass the screen to the North team" in text and NORTH_SECRET not in text and SOUTH_SECRET not in text
    click(app, "We are the North team")
    assert NORTH_SECRET in app.visible_text() and SOUTH_SECRET not in app.visible_text()
    click(app, "Ready")
    text = app.visible_text()
    assert "Pass the screen to the South team" in text and NORTH_SECRET not in text
    click(app, "We are the South team")
    assert SOUTH_SECRET in app.visible_text() and NORTH_SECRET not in app.visible_text()
    click(app, "Ready")
    # the game starts with North: the screen is covered until North says it is there
    assert "Pass the screen to the North team" in app.visible_text()
    click(app, "We are the North team")
    click(app, "1  Request safe-conduct")
    text = app.visible_text()
    assert "Pass the screen to the South team" in text
    assert "Request safe-conduct" not in text.replace("North requests safe-conduct", "")
    click(app, "We are the South team")
    key(app, pygame.K_b)  # South's briefing, never North's
    text = app.visible_text()
    assert SOUTH_SECRET in text and NORTH_SECRET not in text
    key(app, pygame.K_ESCAPE)
    assert "Refuse safe-conduct" in app.visible_text()
