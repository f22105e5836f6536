"""The dialogs reachable from every screen: the Esc menu, settings, keys help, loading."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pygame

from game.errors import SaveError
from game.session import autosave_path
from game.ui import flow
from game.ui.screens.base import Dialog

KEYS = [
    ("1 … 9", "make the move with that number (0 holds: pass the turn)"),
    ("Tab / Shift+Tab, arrows", "move the keyboard focus between buttons"),
    ("Enter or Space", "press the focused button"),
    ("Space (during a computer turn)", "skip the pause"),
    ("N", "open the newest news item's cause; Esc closes it"),
    ("U", "undo your last move (solo play)"),
    ("Esc", "menu: resume, save, load, restart, settings, quit"),
    ("F1", "this list of keys"),
    ("F11", "full screen on/off"),
]


def message(app, title: str, body: str) -> None:
    app.open(Dialog(title, body, width=0.55))


def load_into(app, path: Path) -> bool:
    """Load a save and go to its game; on failure say why and stay."""
    try:
        session = flow.open_save(path)
    except SaveError as exc:
        message(app, "This save cannot be loaded", str(exc))
        return False
    app.show(flow.after_setup(session))
    return True


class Menu(Dialog):
    """Esc: resume, save, load, restart with the same seed, settings, quit to title."""

    def __init__(self) -> None:
        super().__init__("Menu", width=0.34)

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        session = getattr(self.app.screen, "session", None)
        from game.ui.screens.title import TitleScreen
        on_title = isinstance(self.app.screen, TitleScreen)
        items = [("Resume", self.close, True),
                 ("Save the game", self.save, session is not None),
                 ("Load a saved game", self.load, True),
                 ("Restart (same seed)", self.restart, session is not None),
                 ("Settings", self.settings, True),
                 ("Keys (F1)", self.keys, True),
                 ("Quit Parley" if on_title else "Quit to title", self.quit if on_title else self.to_title, True)]
        box = self.frame(rect, len(items))
        y = box.y + t.pad + t.fh * 2
        for text, action, enabled in items:
            self.button((box.x + t.pad, y, box.width - 2 * t.pad, t.row), text, action, enabled=enabled,
                        object_id="#primary" if text == "Resume" else None)
            y += t.row + t.pad
        self.focus_index = 0

    def save(self) -> None:
        session = self.app.screen.session
        path = flow.save_name(session)
        try:
            session.save(path)
        except OSError as exc:
            self.close()
            message(self.app, "Could not save", str(exc))
            return
        self.close()
        message(self.app, "Game saved", f"Saved to {path}.\nLoad it from the title screen or the menu.")

    def load(self) -> None:
        self.close()
        self.app.open(LoadDialog())

    def restart(self) -> None:
        session = self.app.screen.session.restart()
        self.app.show(flow.after_setup(session))

    def settings(self) -> None:
        self.close()
        self.app.open(SettingsDialog())

    def keys(self) -> None:
        self.close()
        self.app.open_help()

    def to_title(self) -> None:
        from game.ui.screens.title import TitleScreen
        self.app.show(TitleScreen())

    def quit(self) -> None:
        self.app.running = False


class KeysHelp(Dialog):
    def __init__(self) -> None:
        super().__init__("Keys", "\n".join(f"{k}: {v}" for k, v in KEYS), width=0.6)

    def body_html(self) -> str:
        from game.ui.widgets.text import esc
        return "<br>".join(f"<b>{esc(k)}</b> — {esc(v)}" for k, v in KEYS)


class SettingsDialog(Dialog):
    PAUSES = (0.4, 0.8, 1.5, 2.5)

    def __init__(self) -> None:
        super().__init__("Settings", width=0.42)

    def build(self, rect: pygame.Rect) -> None:
        t, s = self.theme, self.app.settings
        onoff = {True: "on", False: "off"}
        items = [(f"Text size: {s.text_size}", self.text_size),
                 (f"Projector mode (large, high contrast): {onoff[s.projector]}", self.projector),
                 (f"Colour-blind-safe palette: {onoff[s.colour_blind]}", self.colour_blind),
                 (f"Full screen (F11): {onoff[s.fullscreen]}", self.fullscreen),
                 (f"Computer turn pause: {s.pause:g} s", self.pause),
                 ("Done", self.close)]
        box = self.frame(rect, len(items))
        y = box.y + t.pad + t.fh * 2
        for text, action in items:
            self.button((box.x + t.pad, y, box.width - 2 * t.pad, t.row), text, action,
                        object_id="#primary" if text == "Done" else None)
            y += t.row + t.pad
        if self.focus_index < 0:
            self.focus_index = 0

    def _changed(self) -> None:
        self.app.apply_settings()

    def text_size(self) -> None:
        self.app.settings.next_text_size()
        self._changed()

    def projector(self) -> None:
        self.app.settings.projector = not self.app.settings.projector
        self._changed()

    def colour_blind(self) -> None:
        self.app.settings.colour_blind = not self.app.settings.colour_blind
        self._changed()

    def fullscreen(self) -> None:
        self.app.toggle_fullscreen()

    def pause(self) -> None:
        s = self.app.settings
        later = [p for p in self.PAUSES if p > s.pause]
        s.pause = later[0] if later else self.PAUSES[0]
        self._changed()


class LoadDialog(Dialog):
    def __init__(self) -> None:
        super().__init__("Load a saved game", width=0.5)

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        saves = flow.list_saves()
        room = max(1, (rect.height - 6 * t.row) // (t.row + t.pad))
        shown = saves[:room]
        box = self.frame(rect, len(shown) + 1 + (0 if shown else 1))
        y = box.y + t.pad + t.fh * 2
        if not shown:
            self.label((box.x + t.pad, y, box.width - 2 * t.pad, t.row), "No saved games yet.", "#muted")
            y += t.row + t.pad
        for path in shown:
            when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%d %b %H:%M")
            name = "Autosave (the last game)" if path == autosave_path() else path.stem
            self.button((box.x + t.pad, y, box.width - 2 * t.pad, t.row), f"{name} — {when}",
                        lambda p=path: self.pick(p), tip=str(path))
            y += t.row + t.pad
        self.button((box.x + t.pad, y, box.width - 2 * t.pad, t.row), "Cancel", self.close)
        self.focus_index = 0

    def pick(self, path: Path) -> None:
        self.close()
        load_into(self.app, path)
