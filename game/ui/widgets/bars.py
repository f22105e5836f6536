"""Indicator bars: label, value, range, and the last change as a brief animation and an
arrow. Hovering a bar explains the indicator (drawn here: pygame_gui tooltips need widgets)."""

from __future__ import annotations

import pygame

from game.engine.describe import signed
from game.scenario import Scenario
from game.ui.widgets.text import fit, render_block

ANIMATION = 0.9  # seconds for a bar to slide to its new value


def arrow(surface: pygame.Surface, centre: tuple[int, int], size: int, up: bool, colour) -> None:
    """A small filled triangle (the bundled font has no arrow glyphs)."""
    x, y = centre
    size = max(3, size)
    points = [(x - size, y + size // 2), (x + size, y + size // 2), (x, y - size)] if up else \
        [(x - size, y - size // 2), (x + size, y - size // 2), (x, y + size)]
    pygame.draw.polygon(surface, colour, points)


class IndicatorBars:
    def __init__(self, scenario: Scenario, values: list[float]) -> None:
        self.scenario = scenario
        self.shown = [float(v) for v in values]  # what the bars show now (animated)
        self.target = [float(v) for v in values]
        self.start = list(self.shown)
        self.delta: list[float | None] = [None] * len(values)
        self.clock = ANIMATION
        self.rows: list[pygame.Rect] = []
        self.hover: int | None = None
        self.hover_time = 0.0
        self.viewer: str | None = None  # whose point of view colours a change good or bad

    def set_values(self, values: list[float], deltas: dict[int, float], animate: bool) -> None:
        self.start = list(self.shown) if animate else [float(v) for v in values]
        self.target = [float(v) for v in values]
        for index, delta in deltas.items():
            self.delta[index] = delta
        self.clock = 0.0 if animate else ANIMATION
        if not animate:
            self.shown = list(self.target)

    def update(self, dt: float) -> bool:
        moving = self.clock < ANIMATION
        if moving:
            self.clock = min(ANIMATION, self.clock + dt)
            k = self.clock / ANIMATION
            ease = 1 - (1 - k) ** 3
            self.shown = [s + (t - s) * ease for s, t in zip(self.start, self.target)]
        if self.hover is not None and self.hover_time < 0.5:
            self.hover_time += dt
            return True
        return moving

    def on_mouse(self, pos: tuple[int, int]) -> bool:
        """Track which bar is hovered; True if that changed."""
        index = next((i for i, r in enumerate(self.rows) if r.collidepoint(pos)), None)
        if index != self.hover:
            self.hover, self.hover_time = index, 0.0
            return True
        return False

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme) -> None:
        inds = self.scenario.indicators
        if not inds:
            return
        row_h = rect.height // len(inds)
        two_lines = row_h >= int(theme.fs * 1.25 + theme.f * 0.9 + 8)
        font, bold = theme.font(theme.fs), theme.font(theme.fs, bold=True)
        self.rows = []
        flash = self.clock < ANIMATION
        for i, ind in enumerate(inds):
            row = pygame.Rect(rect.x, rect.y + i * row_h, rect.width, row_h)
            self.rows.append(row)
            value = self.shown[i]
            delta = self.delta[i]
            value_text = f"{round(value):g}"
            change = ""
            if delta:
                change = signed(delta)
            change_w = bold.size("−100")[0] + theme.fs
            value_w = bold.size("−100")[0]
            if two_lines:
                label_rect = pygame.Rect(row.x, row.y + 2, row.width - value_w - change_w - 12, theme.fs + 6)
                bar = pygame.Rect(row.x, row.y + int(theme.fs * 1.35) + 4, row.width,
                                  max(6, min(theme.f, row_h - int(theme.fs * 1.35) - 12)))
            else:
                label_w = int(row.width * 0.42)
                label_rect = pygame.Rect(row.x, row.y + (row_h - theme.fs) // 2 - 2, label_w - 6, theme.fs + 6)
                bar_h = max(6, min(theme.f, row_h - 8))
                bar = pygame.Rect(row.x + label_w, row.y + (row_h - bar_h) // 2,
                                  row.width - label_w - value_w - change_w - 12, bar_h)
            surface.blit(font.render(fit(font, ind.label, label_rect.width), True, theme.colour("text")), label_rect)
            self._bar(surface, bar, ind, value, theme, flash and delta is not None and self.start[i] != self.target[i])
            vx = row.right - value_w - change_w - 6
            vy = label_rect.y if two_lines else row.y + (row_h - theme.fs) // 2 - 2
            surface.blit(bold.render(value_text, True, theme.colour("text")), (vx, vy))
            if change:
                good = ind.good.get(self.viewer or "", 0) if self.viewer else 0
                tone = "neutral" if not good else ("good" if delta * good > 0 else "bad")
                colour = theme.colour(tone)
                arrow(surface, (row.right - change_w + theme.fs // 3, vy + theme.fs // 2 + 3), theme.fs // 3,
                      delta > 0, colour)
                surface.blit(bold.render(change, True, colour), (row.right - change_w + theme.fs * 3 // 4, vy))

    def _bar(self, surface, bar: pygame.Rect, ind, value: float, theme, flash: bool) -> None:
        pygame.draw.rect(surface, theme.colour("bar_back"), bar, border_radius=3)
        span = ind.max - ind.min or 1
        zero = 0 if ind.min <= 0 <= ind.max else ind.min
        x0 = bar.x + int((zero - ind.min) / span * bar.width)
        x1 = bar.x + int((value - ind.min) / span * bar.width)
        fill = pygame.Rect(min(x0, x1), bar.y, max(2, abs(x1 - x0)), bar.height)
        colour = theme.colour("focus") if flash else theme.colour("bar_fill")
        pygame.draw.rect(surface, colour, fill, border_radius=3)
        if ind.min < 0 < ind.max:
            pygame.draw.line(surface, theme.colour("muted"), (x0, bar.y - 2), (x0, bar.bottom + 1), 1)

    def draw_tooltip(self, surface: pygame.Surface, theme, bounds: pygame.Rect) -> None:
        if self.hover is None or self.hover_time < 0.35 or self.hover >= len(self.rows):
            return
        ind = self.scenario.indicators[self.hover]
        text = f"{ind.label}: {ind.description or 'no description'}  (range {ind.min:g} to {ind.max:g})"
        width = min(420, bounds.width // 2)
        block = render_block(theme.font(theme.fs), text, width - 16, theme.colour("text"), max_lines=8)
        box = pygame.Rect(0, 0, width, block.get_height() + 12)
        box.topleft = (self.rows[self.hover].x + 20, self.rows[self.hover].bottom + 2)
        box.clamp_ip(bounds)
        pygame.draw.rect(surface, theme.colour("tooltip"), box, border_radius=4)
        pygame.draw.rect(surface, theme.colour("focus"), box, 1, border_radius=4)
        surface.blit(block, (box.x + 8, box.y + 6))
