"""The news feed: a headline per move and event, newest first; clicking one opens its cause.

Each item is rendered once, when it arrives, so adding news costs one item's text — never a
re-layout of the whole feed (pygame_gui's set_text on a long text takes longer than a frame)."""

from __future__ import annotations

import pygame

from game.engine import Record
from game.engine.describe import change_text
from game.scenario import Scenario
from game.ui.widgets.text import render_block


def who(scenario: Scenario, record: Record) -> str:
    if record.kind == "event":
        return "News"
    if record.kind == "ending":
        return "End"
    return scenario.actors[record.actor].short if record.actor else "News"


def change_summary(scenario: Scenario, record: Record) -> str:
    parts = [change_text(scenario, change, as_delta=True) for change in record.changes]
    if record.phase_after != record.phase_before:
        parts.append(f"now: {scenario.label(record.phase_after)}")
    return ", ".join(parts)


class NewsFeed:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.items: list[tuple[Record, pygame.Surface | None]] = []  # newest first
        self.width = 0
        self.theme_key = None
        self.scroll = 0
        self.hover: int | None = None
        self.hits: list[tuple[pygame.Rect, int]] = []
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.fresh: set[int] = set()  # seq of items that just arrived (highlighted)
        self.content_h = 0

    def reset(self, records: list[Record]) -> None:
        self.items = [(r, None) for r in reversed(records) if r.kind != "ending"]
        self.scroll = 0
        self.fresh = set()

    def add(self, record: Record) -> None:
        if record.kind == "ending":
            return
        self.items.insert(0, (record, None))
        self.fresh.add(record.seq)
        self.scroll = 0

    def _render(self, record: Record, theme, width: int) -> pygame.Surface:
        s = self.scenario
        head = f"{s.turns.label(record.round)} · {who(s, record)}"
        headline = record.headline or record.label
        top = render_block(theme.font(theme.fs, bold=True), head, width, theme.colour("muted"), 1)
        body = render_block(theme.font(theme.f), headline, width, theme.colour("text"), 4)
        summary = change_summary(s, record)
        tail = render_block(theme.font(theme.fs), summary, width, theme.colour("link"), 2) if summary else None
        height = top.get_height() + body.get_height() + (tail.get_height() if tail else 0) + 2
        out = pygame.Surface((width, height), pygame.SRCALPHA)
        out.blit(top, (0, 0))
        out.blit(body, (0, top.get_height()))
        if tail:
            out.blit(tail, (0, top.get_height() + body.get_height() + 2))
        return out

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme) -> None:
        self.rect = rect
        inner_w = rect.width - 2 * theme.pad
        if inner_w != self.width or theme.key != self.theme_key:
            self.items = [(r, None) for r, _ in self.items]
            self.width, self.theme_key = inner_w, theme.key
        pygame.draw.rect(surface, theme.colour("panel"), rect, border_radius=6)
        clip = surface.get_clip()
        surface.set_clip(rect.inflate(-2, -2))
        self.hits = []
        y = rect.y + theme.pad - self.scroll
        gap = theme.pad
        for index, (record, image) in enumerate(self.items):
            if image is None:
                image = self._render(record, theme, inner_w)
                self.items[index] = (record, image)
            box = pygame.Rect(rect.x + 4, y - gap // 2, rect.width - 8, image.get_height() + gap)
            if box.bottom >= rect.top and box.top <= rect.bottom:
                if index == self.hover:
                    pygame.draw.rect(surface, theme.colour("button_hover"), box, border_radius=4)
                elif record.seq in self.fresh:
                    pygame.draw.rect(surface, theme.colour("button"), box, border_radius=4)
                if record.kind == "event":
                    pygame.draw.rect(surface, theme.colour("focus"), (box.x, box.y + 3, 3, box.height - 6))
                surface.blit(image, (rect.x + theme.pad, y))
                self.hits.append((box.clip(rect), index))
            y += image.get_height() + gap
            if y > rect.bottom + self.scroll + 4000:
                break
        self.content_h = y + self.scroll - rect.y
        surface.set_clip(clip)
        if not self.items:
            surface.blit(theme.font(theme.fs).render("No news yet.", True, theme.colour("muted")),
                         (rect.x + theme.pad, rect.y + theme.pad))

    def item_at(self, pos) -> Record | None:
        for box, index in self.hits:
            if box.collidepoint(pos):
                return self.items[index][0]
        return None

    def on_mouse(self, event: pygame.event.Event) -> Record | None | bool:
        """Hover, wheel and clicks. Returns the clicked record, or True if the view changed."""
        if event.type == pygame.MOUSEWHEEL:
            limit = max(0, self.content_h - self.rect.height)
            self.scroll = max(0, min(limit, self.scroll - event.y * 40))
            return True
        if event.type == pygame.MOUSEMOTION:
            index = next((i for box, i in self.hits if box.collidepoint(event.pos)), None)
            if index != self.hover:
                self.hover = index
                return True
            return False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self.item_at(event.pos)
        return False
