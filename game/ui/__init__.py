"""The graphical front end: the only package that imports pygame and pygame_gui."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def display_available() -> bool:
    """Whether a window can be opened (on Linux a display server must be named).
    Kept free of pygame so the terminal fallback does not load it."""
    import sys
    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
