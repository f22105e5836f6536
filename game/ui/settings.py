"""Player settings (text size, projector mode, palette, fullscreen), kept between runs."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.session.saves import data_dir

TEXT_SIZES = {"small": 0.85, "normal": 1.0, "large": 1.2, "huge": 1.45}


@dataclass
class Settings:
    text_size: str = "normal"
    projector: bool = False
    colour_blind: bool = False
    fullscreen: bool = False
    pause: float = 0.8  # seconds a computer-run actor's move stays on screen before the next one

    @property
    def scale(self) -> float:
        return TEXT_SIZES.get(self.text_size, 1.0) * (1.25 if self.projector else 1.0)

    @property
    def computer_pause(self) -> float:
        """PARLEY_UI_PAUSE (seconds) overrides the setting, so tests need not wait."""
        override = os.environ.get("PARLEY_UI_PAUSE")
        try:
            return max(0.0, float(override)) if override is not None else self.pause
        except ValueError:
            return self.pause

    def next_text_size(self) -> None:
        names = list(TEXT_SIZES)
        self.text_size = names[(names.index(self.text_size) + 1) % len(names)] if self.text_size in names else "normal"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or the defaults if there are none or the file is damaged."""
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    try:
        settings = Settings(**values)
    except TypeError:
        return Settings()
    if settings.text_size not in TEXT_SIZES:
        settings.text_size = "normal"
    return settings


def save_settings(settings: Settings) -> None:
    try:
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(settings), indent=1), encoding="utf-8")
    except OSError:
        pass  # settings are a convenience; never fail a game over them
