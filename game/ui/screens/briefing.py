"""Briefings: each human role's public role and private objectives. With several human
roles (hot-seat), a cover screen hides one team's briefing until the next team is ready."""

from __future__ import annotations

import pygame

from game.session import Session
from game.ui.screens.base import Layer
from game.ui.widgets.text import esc


def team_name(session: Session, actor_id: str) -> str:
    return session.scenario.actors[actor_id].short


def build_cover(layer: Layer, rect: pygame.Rect, session: Session, actor_id: str, then,
                purpose: str = "briefing") -> None:
    """'Pass the screen to the Mexico team': nothing private is on screen while it shows."""
    t = layer.theme
    team = team_name(session, actor_id)
    width = min(rect.width - 4 * t.pad, 900)
    x = rect.centerx - width // 2
    y = rect.height // 4
    y += layer.text((x, y), f"Pass the screen to the {team} team", width, t.ft, bold=True, max_lines=2)
    doing = "read your private briefing" if purpose == "briefing" else "make your move"
    y += t.pad + layer.text((x, y + t.pad), f"Only the {team} team should look now. When you are ready to "
                            f"{doing}, press the button.", width, t.fh, colour="muted", max_lines=3)
    bw = min(width, 460)
    layer.button((rect.centerx - bw // 2, y + 3 * t.pad, bw, int(t.row * 1.3)),
                 f"We are the {team} team — show us", then, object_id="#primary")
    layer.focus_index = len(layer.focus_order) - 1


class BriefingScreen(Layer):
    """One human role's briefing at a time; `queue` holds the roles still to be briefed."""

    def __init__(self, session: Session, queue: list[str], revealed: bool = False) -> None:
        super().__init__()
        self.session, self.queue = session, list(queue)
        self.hot_seat = len(session.humans) > 1
        self.revealed = revealed or not self.hot_seat

    @property
    def actor_id(self) -> str:
        return self.queue[0]

    def build(self, rect: pygame.Rect) -> None:
        if not self.revealed:
            build_cover(self, rect, self.session, self.actor_id, self.reveal)
            return
        t, s = self.theme, self.session.scenario
        actor = s.actors[self.actor_id]
        pad = t.pad * 2
        width = rect.width - 2 * pad
        y = pad
        y += self.text((pad, y), f"Your role: {actor.name}", width, t.fh, bold=True, max_lines=2)
        y += self.text((pad, y + 2), s.title, width, t.f, colour="muted", max_lines=1) + t.pad
        brief = actor.briefing
        parts = [f"<b>Your public role</b><br>{esc(brief.public)}" if brief else ""]
        plain = [brief.public if brief else ""]
        if brief:
            secret = "only your team sees this" if self.hot_seat else "only you see this"
            parts.append(f"<b>Private — {secret}</b><br>{esc(brief.private)}")
            plain.append(brief.private)
            if brief.objectives:
                parts.append("<b>Your objectives</b><br>" + "<br>".join(f"• {esc(o)}" for o in brief.objectives))
                plain.extend(brief.objectives)
        rest = [a for a in s.turns.order if a != self.actor_id]
        others = ", ".join(s.actors[a].short for a in rest)
        if others:
            parts.append(f"<b>The others</b><br>{esc(others)} — " + esc(
                "; ".join(f"{s.actors[a].short}: {'a team in this room' if self.session.roles.get(a) == 'human' else 'the computer'}"
                          for a in rest)))
        bottom = rect.bottom - pad - t.row
        self.textbox((pad, y, width, bottom - y - t.pad), "<br><br>".join(p for p in parts if p), "\n".join(plain))
        bw = min(300, width // 2)
        label = "Ready — start the crisis" if len(self.queue) == 1 else "Ready — next team"
        self.button((rect.right - pad - bw, bottom, bw, t.row), label, self.ready, object_id="#primary")
        self.focus_index = 0

    def reveal(self) -> None:
        self.revealed = True
        self.rebuild()

    def ready(self) -> None:
        if len(self.queue) > 1:
            self.app.show(BriefingScreen(self.session, self.queue[1:]))
            return
        from game.ui.screens.play import PlayScreen
        self.app.show(PlayScreen(self.session, briefed=self.queue[0]))

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            (self.ready if self.revealed else self.reveal)()
            return True
        return False
