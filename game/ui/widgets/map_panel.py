"""The map panel: capitals placed from latitude/longitude on a graticule, and the line
between the two governments coloured by the state of relations. Drawn from coordinates
only (no copied artwork), cached until the value or the size changes."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pygame

from game.scenario import Scenario


OUTLINE = Path(__file__).resolve().parents[3] / "assets" / "map" / "americas.json"


@lru_cache(maxsize=1)
def land_outline() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Coarse coastlines as (lon, lat) polygons; none if the file is missing or damaged."""
    try:
        data = json.loads(OUTLINE.read_text(encoding="utf-8"))
        return tuple(tuple((float(lon), float(lat)) for lon, lat in polygon) for polygon in data["land"])
    except (OSError, ValueError, KeyError, TypeError):
        return ()


def _overlap(box: pygame.Rect, others: list[pygame.Rect]) -> int:
    """How many pixels of `box` other things cover (a dot counts as if it were large)."""
    total = 0
    for other in others:
        clip = box.clip(other)
        total += clip.width * clip.height * (20 if other.width < 40 else 1)
    return total


def relations_indicator(scenario: Scenario):
    """The first indicator whose id mentions relations (None if there is none)."""
    return next((i for i in scenario.indicators if "relations" in i.id), None)


def governments(scenario: Scenario) -> list[str]:
    """The two actors the relations line joins: the first two playable actors with a capital."""
    placed = [a for a in scenario.playable if scenario.actors[a].capital is not None]
    if len(placed) < 2:
        placed = [a for a, actor in scenario.actors.items() if actor.capital is not None]
    return placed[:2]


def mix(a: pygame.Color, b: pygame.Color, share: float) -> pygame.Color:
    return a.lerp(b, max(0.0, min(1.0, share)))


def relation_colour(theme, share: float) -> pygame.Color:
    """share 0 = worst, 1 = best, through the middle colour."""
    bad, mid, good = theme.colour("rel_bad"), theme.colour("rel_mid"), theme.colour("rel_good")
    return mix(bad, mid, share * 2) if share < 0.5 else mix(mid, good, (share - 0.5) * 2)


class MapPanel:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.relations = relations_indicator(scenario)
        self.pair = governments(scenario)
        self._key = None
        self._surface: pygame.Surface | None = None
        self.places = [(a.id, a.capital) for a in scenario.actors.values() if a.capital is not None]

    def _projection(self, rect: pygame.Rect):
        lats = [c.lat for _, c in self.places] or [0.0]
        lons = [c.lon for _, c in self.places] or [0.0]
        mid_lat = (max(lats) + min(lats)) / 2
        kx = math.cos(math.radians(mid_lat))
        span_lat = max(max(lats) - min(lats), 12.0) * 1.35
        span_lon = max((max(lons) - min(lons)) * kx, 12.0) * 1.35
        scale = min(rect.width / span_lon, rect.height / span_lat)
        cx, cy = (max(lons) + min(lons)) / 2, mid_lat

        def project(lat: float, lon: float) -> tuple[int, int]:
            return (int(rect.centerx + (lon - cx) * kx * scale), int(rect.centery - (lat - cy) * scale))
        return project, scale, kx

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme, value: float | None) -> None:
        key = (rect.size, theme.key, value)
        if key != self._key or self._surface is None:
            self._surface = self._render(pygame.Rect(0, 0, *rect.size), theme, value)
            self._key = key
        surface.blit(self._surface, rect.topleft)

    def _render(self, rect: pygame.Rect, theme, value: float | None) -> pygame.Surface:
        out = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.legend = ("", None)
        pygame.draw.rect(out, theme.colour("sea"), rect, border_radius=8)
        inner = rect.inflate(-theme.pad * 2, -theme.pad * 2)
        project, scale, _ = self._projection(inner)
        small = theme.font(max(11, theme.fs - 2))
        self._land(out, project, theme)
        self._graticule(out, rect, project, theme, small)
        points = {aid: project(c.lat, c.lon) for aid, c in self.places}
        if len(self.pair) == 2:
            self._relations_line(out, points[self.pair[0]], points[self.pair[1]], theme, value)
        self._capitals(out, rect, points, theme, avoid=self._legend_box(rect, theme))
        self._legend(out, rect, theme)
        pygame.draw.rect(out, theme.colour("coast"), rect, 1, border_radius=8)
        return out

    def _land(self, out, project, theme) -> None:
        for polygon in land_outline():
            points = [project(lat, lon) for lon, lat in polygon]
            pygame.draw.polygon(out, theme.colour("land"), points)
            pygame.draw.polygon(out, theme.colour("coast"), points, 1)

    def _graticule(self, out, rect, project, theme, font) -> None:
        grid = theme.colour("grid")
        for lat in range(-90, 91, 10):
            y = project(lat, 0)[1]
            if rect.top < y < rect.bottom:
                pygame.draw.line(out, grid, (rect.left, y), (rect.right, y), 1)
                label = font.render(f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}", True, theme.colour("coast"))
                out.blit(label, (rect.left + 4, y - label.get_height()))
        for lon in range(-180, 181, 10):
            x = project(0, lon)[0]
            if rect.left < x < rect.right:
                pygame.draw.line(out, grid, (x, rect.top), (x, rect.bottom), 1)

    def _relations_line(self, out, a, b, theme, value) -> None:
        ind = self.relations
        if ind is None or value is None:
            colour, label = theme.colour("neutral"), ""  # no relations indicator: a plain line
        else:
            share = (value - ind.min) / (ind.max - ind.min) if ind.max > ind.min else 0.5
            colour = relation_colour(theme, share)
            label = f"{ind.label}: {value:+g}".replace("-", "−")
        width = max(3, theme.f // 4)
        pygame.draw.line(out, colour, a, b, width)
        self.legend = (label, colour)

    def _legend_box(self, rect, theme) -> pygame.Rect | None:
        """Where the relations legend goes (bottom left), so capital labels can avoid it."""
        label, _ = self.legend
        if not label:
            return None
        width, height = theme.font(theme.fs, bold=True).size(label)
        return pygame.Rect(rect.x + 6, rect.bottom - height - 10, width + 34, height + 4)

    def _legend(self, out, rect, theme) -> None:
        label, colour = self.legend
        box = self._legend_box(rect, theme)
        if box is None:
            return
        text = theme.font(theme.fs, bold=True).render(label, True, colour)
        pygame.draw.rect(out, theme.colour("panel"), box, border_radius=4)
        pygame.draw.line(out, colour, (box.x + 5, box.centery), (box.x + 24, box.centery), max(3, theme.f // 4))
        out.blit(text, (box.x + 30, box.y + 2))

    def _capitals(self, out, rect, points, theme, avoid: pygame.Rect | None = None) -> None:
        """Dots for every actor; one label per capital (actors sharing a city share it),
        placed around its dot wherever it overlaps nothing. The players' capitals are
        labelled first; when a crowded map leaves no free place, another capital's label
        shrinks to its name, and is left out rather than drawn over another label."""
        font = theme.font(theme.fs)
        radius = max(5, theme.f // 3)
        cities: dict[str, list[str]] = {}
        for aid, capital in self.places:
            cities.setdefault(capital.name, []).append(aid)
        dots = []
        for aid, capital in self.places:
            x, y = points[aid]
            pygame.draw.circle(out, (0, 0, 0), (x, y), radius + 2)
            pygame.draw.circle(out, pygame.Color(self.scenario.actors[aid].colour), (x, y), radius)
            dots.append(pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius))
        placed: list[pygame.Rect] = list(dots) + ([avoid] if avoid is not None else [])
        playable = set(self.scenario.playable)
        order = sorted(cities.items(), key=lambda item: not playable & set(item[1]))
        for city, actors in order:
            names = ", ".join(self.scenario.actors[a].short for a in actors)
            labels = [f"{names} · {city}"] if playable & set(actors) else [f"{names} · {city}", names]
            for number, label in enumerate(labels):
                text = font.render(label, True, theme.colour("text"))
                box = self._place(points[actors[0]], text.get_size(), radius + 4, rect.inflate(-4, -4), placed)
                last = number == len(labels) - 1
                if _overlap(box, placed) == 0 or (last and playable & set(actors)):
                    break
            else:
                continue  # no room for another capital's name: its dot stays, unlabelled
            placed.append(box)
            back = box.inflate(6, 2)
            shade = pygame.Surface(back.size, pygame.SRCALPHA)
            shade.fill((0, 0, 0, 140))
            out.blit(shade, back)
            out.blit(text, box)

    @staticmethod
    def _place(at, size, gap, bounds, placed) -> pygame.Rect:
        """The free (or least covered) spot for a label: right, left, below, above, diagonals."""
        x, y = at
        w, h = size
        spots = [(x + gap, y - h // 2), (x - gap - w, y - h // 2), (x - w // 2, y + gap), (x - w // 2, y - gap - h),
                 (x + gap, y - gap - h), (x + gap, y + gap), (x - gap - w, y - gap - h), (x - gap - w, y + gap)]
        options = [pygame.Rect(spot, size).clamp(bounds) for spot in spots]
        return min(options, key=lambda o: _overlap(o, placed))
