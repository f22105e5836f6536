"""The ending: its title and narrative, each role's result, a chart of the indicators over
the rounds, and the key moments of the timeline."""

from __future__ import annotations

import pygame

from game.engine import Record
from game.session import Session
from game.ui.screens.base import Layer
from game.ui.widgets.chart import draw_chart
from game.ui.widgets.news import who


def key_moments(records: list[Record], count: int = 5) -> list[Record]:
    """The records that changed the most: phase changes, events, big swings."""
    def weight(r: Record) -> float:
        return (100 if r.phase_after != r.phase_before else 0) + (20 if r.kind == "event" else 0) + \
            sum(abs(c.delta) for c in r.changes) + (5 * sum(1 for c in r.changes if c.kind == "flag"))
    ranked = sorted((r for r in records if r.kind in ("move", "event") and weight(r) > 0), key=weight, reverse=True)
    return sorted(ranked[:count], key=lambda r: r.seq)


class EndingScreen(Layer):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.chart_rect = pygame.Rect(0, 0, 0, 0)
        self.marks: list[int] = []

    def build(self, rect: pygame.Rect) -> None:
        t, game, s = self.theme, self.session.game, self.session.scenario
        ending = game.ending
        pad = t.pad * 2
        width = rect.width - 2 * pad
        y = pad
        y += self.text((pad, y), f"Ending: {ending.title}", width, t.ft, bold=True, max_lines=2)
        y += t.pad // 2 + self.text((pad, y + t.pad // 2), ending.narrative, width, t.f, max_lines=4) + t.pad
        bottom = rect.bottom - pad - t.row - t.pad
        col_w = int(width * 0.44)
        chart_x = pad + col_w + 2 * t.pad
        self.chart_rect = pygame.Rect(chart_x, y, rect.right - pad - chart_x, bottom - y)
        self.text((pad, y), "Results", col_w, t.fh, bold=True, max_lines=1)
        ry = y + int(t.fh * 1.5)
        scores = game.scores()
        for actor_id, result in ending.results.items():
            actor = s.actors[actor_id]
            role = self.session.roles.get(actor_id)
            tag = " (you)" if role == "human" and len(self.session.humans) == 1 else \
                " (team)" if role == "human" else " (computer)" if actor_id in self.session.roles else ""
            score = f"{scores.get(actor_id, 0):+.0f}".replace("-", "−")
            ry += self.text((pad, ry), f"{actor.short}{tag}: {score}", col_w, t.f, bold=True, max_lines=1)
            if result.text:
                ry += self.text((pad + t.pad, ry), result.text, col_w - t.pad, t.fs, colour="muted", max_lines=3)
            ry += t.pad // 2
            if ry > bottom - 4 * t.f:
                break
        moments = key_moments(game.history)
        self.marks = sorted({r.round for r in moments})
        if moments and ry < bottom - 3 * t.f:
            ry += t.pad
            self.text((pad, ry), "Key moments", col_w, t.fh, bold=True, max_lines=1)
            ry += int(t.fh * 1.5)
            for record in moments:
                line = f"{s.turns.label(record.round)} · {who(s, record)}: {record.headline or record.label}"
                if ry + t.fs * 2 > bottom:
                    break
                ry += self.text((pad, ry), line, col_w, t.fs, max_lines=2) + t.pad // 2
        bw = min(280, (width - 2 * t.pad) // 3)
        by = rect.bottom - pad - t.row
        self.button((pad, by, bw, t.row), "Debrief (Enter)", self.debrief, object_id="#primary")
        self.button((pad + bw + t.pad, by, bw, t.row), "Play again (same seed)", self.again)
        self.button((pad + 2 * (bw + t.pad), by, bw, t.row), "Title screen", self.title)
        self.focus_index = 0

    def draw_under(self, surface: pygame.Surface) -> None:
        if self.chart_rect.width > 80 and self.chart_rect.height > 80:
            t = self.theme
            title_h = int(t.fh * 1.5)
            surface.blit(t.font(t.fh, bold=True).render("Indicators over the rounds", True, t.colour("text")),
                         self.chart_rect.topleft)
            draw_chart(surface, self.chart_rect.inflate(0, -title_h).move(0, title_h // 2), t,
                       self.session.scenario, self.session.game.history, self.marks)
        super().draw_under(surface)

    def debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen
        self.app.show(DebriefScreen(self.session))

    def again(self) -> None:
        from game.ui import flow
        flow.play_again(self.app, self.session)

    def title(self) -> None:
        from game.ui import flow
        flow.to_title(self.app)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.debrief()
            return True
        return False
