"""A line chart of every indicator over the rounds, drawn with pygame from the history.

Indicators have different ranges, so each line is drawn as a share of its own range
(bottom = its minimum, top = its maximum); the legend gives the real values."""

from __future__ import annotations

import pygame

from game.engine import Record
from game.scenario import Scenario
from game.ui.widgets.text import fit


def series(scenario: Scenario, history: list[Record]) -> list[list[float]]:
    """For each indicator, its value at the start and at the end of every round played."""
    values = [float(i.initial) for i in scenario.indicators]
    index = {i.id: i.index for i in scenario.indicators}
    rounds = max((r.round for r in history), default=1)
    out = [[v] for v in values]
    by_round: dict[int, list[Record]] = {}
    for record in history:
        by_round.setdefault(record.round, []).append(record)
    for number in range(1, rounds + 1):
        for record in by_round.get(number, []):
            for change in record.changes:
                if change.kind == "indicator":
                    values[index[change.target]] = float(change.after)
        for i, v in enumerate(values):
            out[i].append(v)
    return out


def draw_chart(surface: pygame.Surface, rect: pygame.Rect, theme, scenario: Scenario,
               history: list[Record], marks: list[int] | None = None) -> None:
    data = series(scenario, history)
    pygame.draw.rect(surface, theme.colour("panel"), rect, border_radius=6)
    font = theme.font(theme.fs)
    inds = scenario.indicators
    line_h = font.get_linesize()
    legend_w = min(int(rect.width * 0.38), 340)
    plot = pygame.Rect(rect.x + theme.pad + font.size("max")[0] + 6, rect.y + theme.pad,
                       rect.width - legend_w - 3 * theme.pad - font.size("max")[0] - 6,
                       rect.height - 2 * theme.pad - line_h - 4)
    if plot.width < 40 or plot.height < 40:
        return
    grid, muted = theme.colour("grid"), theme.colour("muted")
    for k in range(5):
        y = plot.bottom - int(plot.height * k / 4)
        pygame.draw.line(surface, grid, (plot.x, y), (plot.right, y), 1)
    surface.blit(font.render("max", True, muted), (rect.x + theme.pad, plot.y - line_h // 2))
    surface.blit(font.render("min", True, muted), (rect.x + theme.pad, plot.bottom - line_h // 2))
    points_n = max(len(d) for d in data) if data else 1
    steps = max(1, points_n - 1)
    label_every = max(1, steps // 8)
    for k in range(0, steps + 1, label_every):
        x = plot.x + int(plot.width * k / steps)
        text = font.render("start" if k == 0 else str(k), True, muted)
        surface.blit(text, (min(x - text.get_width() // 2, plot.right - text.get_width()), plot.bottom + 4))
    for k in marks or []:
        x = plot.x + int(plot.width * min(k, steps) / steps)
        for y in range(plot.y, plot.bottom, 8):
            pygame.draw.line(surface, muted, (x, y), (x, min(y + 3, plot.bottom)), 1)
    width = max(2, theme.f // 6)
    for i, (ind, values) in enumerate(zip(inds, data)):
        span = (ind.max - ind.min) or 1
        pts = [(plot.x + int(plot.width * k / steps), plot.bottom - int(plot.height * (v - ind.min) / span))
               for k, v in enumerate(values)]
        colour = theme.series(i)
        if len(pts) > 1:
            pygame.draw.lines(surface, colour, False, pts, width)
        for p in pts[-1:]:
            pygame.draw.circle(surface, colour, p, width + 2)
    lx = rect.right - legend_w - theme.pad
    ly = rect.y + theme.pad
    room = max(1, (rect.height - 2 * theme.pad) // max(line_h, 1))
    for i, (ind, values) in enumerate(zip(inds, data)):
        if i >= room:
            break
        colour = theme.series(i)
        pygame.draw.rect(surface, colour, (lx, ly + line_h // 2 - 3, 14, 6))
        text = f"{ind.label}: {values[0]:g} to {values[-1]:g}".replace("-", "−")
        surface.blit(font.render(fit(font, text, legend_w - 22), True, theme.colour("text")), (lx + 20, ly))
        ly += line_h
