"""`simulate --plot`: the report as one PNG, drawn headless with pygame-ce.

pygame-ce is already a dependency (for the game window), so the chart needs nothing new;
it is imported only when a chart is asked for, and runs with SDL's dummy video driver.
Top: each ending's share with its 95 % interval. Below: one panel per indicator, the
median at the end of each round with a band from the 10th to the 90th percentile.
"""

from __future__ import annotations

import os
from typing import Any

WIDTH, PANEL_H, COLUMNS = 1200, 230, 3
INK, GRID, BAND, LINE, BAR = (30, 30, 40), (215, 215, 222), (178, 204, 235), (20, 80, 160), (70, 130, 180)


def draw_chart(data: dict[str, Any], title: str, path: str) -> None:
    """Write the chart for a report's data (see game.lab.report.summary) to `path`."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.font.init()
    fonts = {size: pygame.font.Font(None, size) for size in (20, 24, 30)}
    endings = data["endings"]
    top_h = 116 + 26 * len(endings)
    panels = list(data["trajectories"].values())
    rows = -(-len(panels) // COLUMNS)
    surface = pygame.Surface((WIDTH, top_h + rows * PANEL_H + 20))
    surface.fill((255, 255, 255))
    _text(surface, fonts[30], f"{title} — {data['games']} games", (20, 14))
    policies = ", ".join(f"{a}={p}" for a, p in data["policies"].items())
    _text(surface, fonts[20], f"seed {data['seed']}; {policies}", (20, 42))
    _endings(surface, fonts, endings, 66)
    grey = (90, 90, 100)
    _text(surface, fonts[20], "Bars: the share of games that reached each ending; whiskers: its 95% interval.",
          (20, top_h - 46), grey)
    _text(surface, fonts[20], "Panels: each indicator at the end of every round, median (line) and 10th-90th "
          "percentile (band); a game that has ended keeps its final values.", (20, top_h - 28), grey)
    for k, panel in enumerate(panels):
        x = 20 + (k % COLUMNS) * (WIDTH - 20) // COLUMNS
        y = top_h + (k // COLUMNS) * PANEL_H
        _panel(surface, fonts, panel, pygame.Rect(x, y, (WIDTH - 20) // COLUMNS - 24, PANEL_H - 16))
    pygame.image.save(surface, path)


def _text(surface: Any, font: Any, text: str, at: tuple[int, int], colour: tuple[int, int, int] = INK,
          anchor: str = "topleft") -> None:
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: at})
    surface.blit(image, rect)


def _endings(surface: Any, fonts: dict[int, Any], endings: list[dict[str, Any]], top: int) -> None:
    import pygame

    left, width = 360, WIDTH - 360 - 120
    for k, e in enumerate(sorted(endings, key=lambda e: -e["share"])):
        y = top + k * 26
        _text(surface, fonts[24], e["title"][:40], (left - 10, y + 10), anchor="midright")
        pygame.draw.rect(surface, GRID, (left, y + 2, width, 16))
        pygame.draw.rect(surface, BAR, (left, y + 2, round(width * e["share"]), 16))
        low, high = e["ci95"]
        x0, x1 = left + round(width * low), left + round(width * high)
        pygame.draw.line(surface, INK, (x0, y + 10), (x1, y + 10), 2)
        for x in (x0, x1):
            pygame.draw.line(surface, INK, (x, y + 4), (x, y + 16), 2)
        _text(surface, fonts[24], f"{e['share']:.1%}", (left + width + 10, y + 10), anchor="midleft")


def _panel(surface: Any, fonts: dict[int, Any], t: dict[str, Any], box: Any) -> None:
    import pygame

    _text(surface, fonts[24], t["label"][:44], (box.x, box.y))
    plot = pygame.Rect(box.x + 40, box.y + 24, box.w - 44, box.h - 46)
    lo, hi = float(t["min"]), float(t["max"])
    n = len(t["median"])

    def at(r: int, v: float) -> tuple[int, int]:
        x = plot.x + round(plot.w * r / max(1, n - 1))
        return x, plot.bottom - round(plot.h * (v - lo) / ((hi - lo) or 1))

    for frac in (0.0, 0.5, 1.0):
        value = lo + frac * (hi - lo)
        y = at(0, value)[1]
        pygame.draw.line(surface, GRID, (plot.x, y), (plot.right, y))
        _text(surface, fonts[20], f"{value:g}", (plot.x - 4, y), anchor="midright")
    band = [at(r, v) for r, v in enumerate(t["p90"])] + [at(r, v) for r, v in reversed(list(enumerate(t["p10"])))]
    pygame.draw.polygon(surface, BAND, band)
    pygame.draw.lines(surface, LINE, False, [at(r, v) for r, v in enumerate(t["median"])], 3)
    pygame.draw.rect(surface, INK, plot, 1)
    for r in range(0, n, max(1, (n - 1) // 4)):
        _text(surface, fonts[20], "start" if r == 0 else f"r{r}", (at(r, lo)[0], plot.bottom + 4), anchor="midtop")
