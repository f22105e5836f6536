"""The error screen: what went wrong, where the autosave and the log are, and a way back."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.session import autosave_path
from game.ui.screens.base import Layer


class ErrorScreen(Layer):
    def __init__(self, error: BaseException, log: Path) -> None:
        super().__init__()
        self.error, self.log = error, log

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        pad = t.pad * 2
        width = min(rect.width - 2 * pad, 1000)
        x = (rect.width - width) // 2
        y = pad * 2
        y += self.text((x, y), "Something went wrong", width, t.ft, bold=True, colour="bad") + t.pad
        auto = autosave_path()
        saved = f"Your game is safe: it was autosaved after every move in\n{auto}" if auto.is_file() else \
            "No game was in progress, so nothing was lost."
        lines = [f"The error was: {type(self.error).__name__}: {self.error}", "", saved, "",
                 f"The details were written to the log file\n{self.log}",
                 "Please send that file to the people who make Parley."]
        for line in lines:
            y += self.text((x, y), line, width, t.f, max_lines=4) if line else t.pad
        bw = min(300, (width - 2 * t.pad) // 3)
        by = max(y + 2 * t.pad, rect.bottom - pad - t.row * 2)
        self.button((x, by, bw, t.row), "Resume from the autosave", self.resume, enabled=auto.is_file(),
                    object_id="#primary")
        self.button((x + bw + t.pad, by, bw, t.row), "Title screen", self.title)
        self.button((x + 2 * (bw + t.pad), by, bw, t.row), "Quit", self.quit)
        self.focus_index = 0 if auto.is_file() else 1

    def resume(self) -> None:
        from game.ui.screens.menu import load_into
        load_into(self.app, autosave_path())

    def title(self) -> None:
        from game.ui.screens.title import TitleScreen
        self.app.show(TitleScreen())

    def quit(self) -> None:
        self.app.running = False
