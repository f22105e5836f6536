"""Input for the UI tests: posted mouse clicks and key presses, then a few frames."""

from __future__ import annotations

import time

import pygame


def pump(app, frames: int = 3) -> None:
    for _ in range(frames):
        app.step()


def button(app, text: str):
    found = app.find_button(text)
    assert found is not None, f"no button starting with {text!r}; on screen: {app.visible_text()[:600]!r}"
    return found


def click_at(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app)


def click(app, text: str) -> None:
    element = button(app, text)
    assert element.is_enabled, f"button {text!r} is disabled"
    click_at(app, element.rect.center)


def key(app, code: int, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode=unicode, scancode=0))
    pump(app)


def wait_for(app, predicate, seconds: float = 30.0) -> None:
    """Step until `predicate()` holds; computer turns run on a thread, so allow real time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        app.step()
        time.sleep(0.002)
    raise AssertionError(f"timed out; on screen: {app.visible_text()[:800]!r}")


def has(app, text: str) -> bool:
    found = app.find_button(text)
    return found is not None and found.is_enabled
