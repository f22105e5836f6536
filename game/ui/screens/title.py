"""Title: the crises found in scenarios/, continue from the autosave, load, settings, quit."""

from __future__ import annotations

import threading
from pathlib import Path

import pygame

from game.session import autosave_path
from game.session.catalog import bundled_scenarios
from game.ui import flow
from game.ui.screens.base import Layer


class TitleScreen(Layer):
    def __init__(self, paths: list[Path] | None = None, message: str = "") -> None:
        super().__init__()
        self.paths = list(paths) if paths is not None else bundled_scenarios()
        self.message = message
        self.loaded: list[tuple[Path, object, str]] | None = None
        self._thread: threading.Thread | None = None

    # loading is done off the drawing thread so the first frame comes at once
    def _load(self) -> None:
        self.loaded = [(p, *flow.load_scenario(p)) for p in self.paths]

    def attach(self, app) -> None:
        super().attach(app)
        if app.still:
            self._load()
        elif self.loaded is None and self._thread is None:
            self._thread = threading.Thread(target=self._load, daemon=True)
            self._thread.start()

    def update(self, dt: float) -> bool:
        if self._thread is not None and self.loaded is not None:
            self._thread = None
            self.rebuild()
        return self._thread is not None

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        pad = t.pad * 2
        self.text((pad, pad), "Parley", rect.width - 2 * pad, t.ft, bold=True)
        self.text((pad, pad + int(t.ft * 1.45)), "A diplomatic-crisis simulation for classrooms and solo play",
                  rect.width - 2 * pad, t.f, colour="muted")
        top = pad + int(t.ft * 1.45) + int(t.f * 2.4)
        side_w = max(220, min(340, rect.width // 4))
        left_w = rect.width - side_w - 3 * pad
        self.text((pad, top), "Choose a crisis", left_w, t.fh, bold=True)
        y = top + int(t.fh * 1.7)
        if self.loaded is None:
            self.text((pad, y), "Reading the scenarios…", left_w, colour="muted")
        else:
            for number, (path, scenario, why) in enumerate(self.loaded, start=1):
                y = self._card(number, path, scenario, why, pad, y, left_w, rect.bottom - pad)
        self._side(rect.right - side_w - pad, top, side_w)
        if self.message:
            self.text((pad, rect.bottom - pad - t.f * 3), self.message, rect.width - 2 * pad, t.fs, colour="bad",
                      max_lines=3)

    def _card(self, number: int, path: Path, scenario, why: str, x: int, y: int, width: int, bottom: int) -> int:
        t = self.theme
        if y + t.row > bottom:
            return y
        if scenario is None:
            self.button((x, y, width, t.row), f"{number}  {path.name}", None, enabled=False,
                        tip="This scenario has errors and cannot be played.")
            y += t.row + t.pad // 2
            y += self.text((x + t.pad, y), why, width - t.pad, t.fs, colour="bad", max_lines=3)
            return y + t.pad * 2
        self.button((x, y, width, t.row), f"{number}  {scenario.title}", lambda s=scenario: self.choose(s),
                    object_id="#primary")
        y += t.row + t.pad // 2
        roles = len(scenario.playable)
        facts = (f"{roles} playable role{'s' if roles != 1 else ''} · {len(scenario.actors)} actors · "
                 f"up to {scenario.turns.max_rounds} rounds")
        y += self.text((x + t.pad, y), scenario.summary, width - t.pad, t.f, max_lines=4)
        y += self.text((x + t.pad, y + 2), facts, width - t.pad, t.fs, colour="muted") + 2
        return y + t.pad * 2

    def _side(self, x: int, y: int, width: int) -> None:
        t = self.theme
        step = t.row + t.pad
        auto = autosave_path()
        self.button((x, y, width, t.row), "Continue", self.resume, enabled=auto.is_file(),
                    tip=f"Continue the last game (autosaved in {auto})" if auto.is_file() else "No game to continue yet")
        self.button((x, y + step, width, t.row), "Load a saved game", self.load)
        self.button((x, y + 2 * step, width, t.row), "Settings", self.settings)
        self.button((x, y + 3 * step, width, t.row), "Keys (F1)", self.app.open_help)
        self.button((x, y + 4 * step, width, t.row), "Quit", self.quit)
        self.focus_index = 0 if auto.is_file() else 1

    # -- actions ----------------------------------------------------------------------------
    def choose(self, scenario) -> None:
        from game.ui.screens.setup import SetupScreen
        self.app.show(SetupScreen(scenario))

    def resume(self) -> None:
        from game.ui.screens.menu import load_into
        load_into(self.app, autosave_path())

    def load(self) -> None:
        from game.ui.screens.menu import LoadDialog
        self.app.open(LoadDialog())

    def settings(self) -> None:
        from game.ui.screens.menu import SettingsDialog
        self.app.open(SettingsDialog())

    def quit(self) -> None:
        self.app.running = False

    def handle_key(self, event: pygame.event.Event) -> bool:
        if self.loaded and pygame.K_1 <= event.key <= pygame.K_9:
            index = event.key - pygame.K_1
            if index < len(self.loaded) and self.loaded[index][1] is not None:
                self.choose(self.loaded[index][1])
                return True
        return False
