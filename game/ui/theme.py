"""Colours, fonts and the pygame_gui theme, derived from the window size and the settings.

The theme JSON in assets/ holds placeholders ({text}, {f}, ...) filled here, so one file
serves every text size, the projector mode and the colour-blind palette."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

from game.ui.settings import Settings

ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONT_DIR = Path(pygame_gui.__file__).resolve().parent / "data"
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"


@lru_cache(maxsize=1)
def _palettes() -> dict:
    return json.loads((ASSETS / "palettes.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _theme_template() -> str:
    return (ASSETS / "theme.json").read_text(encoding="utf-8")


def palette(settings: Settings) -> dict:
    data = _palettes()
    colours = dict(data["standard"])
    if settings.projector:
        colours.update(data["projector"])
    if settings.colour_blind:
        colours.update(data["colour_blind"])
    return colours


def base_size(size: tuple[int, int], settings: Settings) -> int:
    """The body text size in pixels for a window: readable at 1024×600, not huge at 1080p."""
    width, height = size
    raw = min(height / 40, width / 68)
    return int(max(13, min(22, round(raw))) * settings.scale)


class Theme:
    """Everything visual that depends on settings and window size."""

    def __init__(self, settings: Settings, size: tuple[int, int]) -> None:
        self.settings = settings
        self.f = base_size(size, settings)
        self.fs = max(12, round(self.f * 0.86))
        self.fh = round(self.f * 1.3)
        self.ft = round(self.f * 1.9)
        self.c = palette(settings)
        self.pad = max(6, round(self.f * 0.6))
        self.row = round(self.f * 2.1)  # height of a button row
        self.key = (self.f, settings.projector, settings.colour_blind)
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def colour(self, name: str) -> pygame.Color:
        return pygame.Color(self.c[name])

    def series(self, index: int) -> pygame.Color:
        colours = self.c["series"]
        return pygame.Color(colours[index % len(colours)])

    def font(self, size: int | None = None, bold: bool = False) -> pygame.font.Font:
        size = size or self.f
        key = (size, bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(str(BOLD if bold else REGULAR), size)
        return self._fonts[key]

    def gui_theme(self, width: int) -> dict:
        values = {k: v for k, v in self.c.items() if isinstance(v, str)}
        values.update(f=self.f, fs=self.fs, fh=self.fh, ft=self.ft, tip_width=min(460, max(260, width // 3)))
        text = _theme_template()
        for key, value in values.items():
            text = text.replace("{" + key + "}", str(value))
        data = json.loads(text)
        data.pop("_comment", None)
        return data

    def make_manager(self, size: tuple[int, int]) -> pygame_gui.UIManager:
        # the theme names the regular and bold fonts it uses; text boxes also use italics
        manager = pygame_gui.UIManager(size, self.gui_theme(size[0]), enable_live_theme_updates=False)
        manager.preload_fonts([{"name": "noto_sans", "point_size": px, "style": "italic"} for px in (self.f, self.fs)])
        return manager
