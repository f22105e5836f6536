"""Wrapping and drawing plain text with pygame fonts (fast, exact, and accent-safe)."""

from __future__ import annotations

import html

import pygame


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break text into lines no wider than `width` pixels (long words are cut)."""
    lines: list[str] = []
    for para in str(text).split("\n"):
        words, line = para.split(), ""
        if not words:
            lines.append("")
            continue
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """Shorten text with an ellipsis so it fits in `width` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render_block(font: pygame.font.Font, text: str, width: int, colour, max_lines: int | None = None,
                 spacing: float = 1.2) -> pygame.Surface:
    """A transparent surface with the text wrapped to `width`."""
    lines = wrap(font, text, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(font, lines[-1] + " …", width)
    step = int(font.get_linesize() * spacing)
    surface = pygame.Surface((max(1, width), max(1, step * len(lines))), pygame.SRCALPHA)
    for i, line in enumerate(lines):
        if line:
            surface.blit(font.render(line, True, colour), (0, i * step))
    return surface


def esc(text: str) -> str:
    """Text made safe for pygame_gui's HTML-like markup."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")
