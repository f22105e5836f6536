"""The lower-left area of the play screen: the moves of the team whose turn it is, the
computer's pause, an event notice to acknowledge, or the end of the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import HOLD, MoveStatus
from game.engine.describe import move_summary
from game.ui.widgets.news import change_summary
from game.ui.widgets.text import esc

if TYPE_CHECKING:
    from game.ui.screens.play import PlayScreen


def move_tip(screen: "PlayScreen", status: MoveStatus) -> str:
    s = screen.session.scenario
    move = status.move
    if move is None:
        return "<b>Hold</b><br>Pass this turn: nothing changes, but events still happen."
    parts = [f"<b>{esc(move.label)}</b>"]
    if move.description:
        parts.append(esc(move.description))
    effects = move_summary(s, move)
    if effects:
        parts.append("<b>Likely effects</b><br>" + "<br>".join(f"• {esc(line)}" for line in effects))
    if move.basis:
        ref = s.sources.get(move.basis.source)
        parts.append("<b>Real-world basis</b><br>" + esc(move.basis.text) + (f" [{esc(ref.title)}]" if ref else ""))
    if not status.legal:
        parts.append("<b>Not available now</b><br>" + "<br>".join(f"• {esc(r)}" for r in status.reasons))
    return "<br><br>".join(parts)


def numbered(screen: "PlayScreen") -> list[MoveStatus]:
    """Legal moves first (numbered 1…), then the moves not available now."""
    statuses = screen.session.game.statuses()
    return [st for st in statuses if st.legal] + [st for st in statuses if not st.legal]


def build_moves(screen: "PlayScreen", area: pygame.Rect) -> None:
    t, session = screen.theme, screen.session
    game, s = session.game, session.scenario
    x, y, w = area.x + t.pad, area.y + t.pad, area.width - 2 * t.pad
    bottom_y = area.bottom - t.pad - t.row
    actor = s.actors[game.current_actor]
    team = "your move" if len(session.humans) == 1 else f"the {actor.short} team's move"
    screen.text((x, y), f"{actor.name} — {team}", w, t.fh, bold=True, max_lines=1)
    y += int(t.fh * 1.5)
    statuses = numbered(screen)
    legal = sum(1 for st in statuses if st.legal)
    cols = 1 if w < 560 else 2
    col_w = (w - (cols - 1) * t.pad) // cols
    step = t.row + t.pad // 2
    rows = max(1, (bottom_y - t.pad - y) // step)
    per_page = rows * cols
    pages = [statuses[i:i + per_page - (1 if len(statuses) > per_page else 0)]
             for i in range(0, len(statuses), per_page - (1 if len(statuses) > per_page else 0))] or [[]]
    screen.page = min(screen.page, len(pages) - 1)
    for k, st in enumerate(pages[screen.page]):
        index = statuses.index(st)
        col, row = (k // rows, k % rows) if cols > 1 else (0, k)
        rect = (x + col * (col_w + t.pad), y + row * step, col_w, t.row)
        if st.legal:
            text = f"{index + 1}  {st.move.label}" if index < 9 else st.move.label
            screen.button(rect, text, lambda m=st.id: screen.choose(m), tip=move_tip(screen, st), object_id="#move")
        else:
            reason = st.reasons[0] if st.reasons else "not available now"
            screen.button(rect, f"{st.move.label} — {reason}", None, tip=move_tip(screen, st), enabled=False,
                          object_id="#move")
    if len(pages) > 1:
        k = len(pages[screen.page])
        col, row = (k // rows, k % rows) if cols > 1 else (0, k)
        screen.button((x + col * (col_w + t.pad), y + row * step, col_w, t.row),
                      f"More moves ({screen.page + 1}/{len(pages)}) »", screen.next_page)
    bw = min(220, (w - 3 * t.pad) // 4)
    screen.button((x, bottom_y, bw, t.row), "0  Hold", lambda: screen.choose(HOLD),
                  tip=move_tip(screen, game.status(HOLD)))
    can_undo = len(session.humans) == 1 and session.can_undo()
    screen.button((x + bw + t.pad, bottom_y, bw, t.row), "Undo (U)", screen.undo, enabled=can_undo,
                  tip="Take back your last move (solo play)" if can_undo else "Nothing to undo (solo play only)")
    screen.button((x + 2 * (bw + t.pad), bottom_y, bw, t.row), "Our briefing (B)", screen.show_briefing)
    if legal == 0:
        screen.text((x + 3 * (bw + t.pad), bottom_y + 4), "No move is possible: hold.", w - 3 * (bw + t.pad),
                    t.fs, colour="muted", max_lines=1)
    screen.focus_index = 0


def build_waiting(screen: "PlayScreen", area: pygame.Rect) -> None:
    t, session = screen.theme, screen.session
    s, game = session.scenario, session.game
    x, y, w = area.x + t.pad, area.y + t.pad, area.width - 2 * t.pad
    actor = s.actors[game.current_actor]
    screen.text((x, y), f"{actor.name} (computer) is deciding…", w, t.fh, bold=True, max_lines=2)
    last = next((r for r in reversed(game.history) if r.reason), None)
    if last is not None:
        screen.text((x, y + int(t.fh * 1.8)), f"Last: {s.actors[last.actor].short} — {last.label}. "
                    f"Why: {last.reason}", w, t.f, colour="muted", max_lines=3)
    bw = min(320, w)
    screen.button((x, area.bottom - t.pad - t.row, bw, t.row), "Skip the pause (Space)", screen.skip)
    screen.focus_index = 0


def build_notice(screen: "PlayScreen", area: pygame.Rect) -> None:
    t, s = screen.theme, screen.session.scenario
    record = screen.notices[0]
    event = s.event_by_id.get(record.id)
    x, y, w = area.x + t.pad, area.y + t.pad, area.width - 2 * t.pad
    y += screen.text((x, y), f"Event: {record.label}", w, t.fh, bold=True, colour="focus", max_lines=2)
    y += t.pad // 2 + screen.text((x, y + t.pad // 2), record.headline, w, t.f, max_lines=3)
    if event is not None and event.description:
        y += t.pad // 2 + screen.text((x, y + t.pad // 2), event.description, w, t.fs, colour="muted", max_lines=3)
    summary = change_summary(s, record)
    if summary:
        screen.text((x, y + t.pad), "Changed: " + summary, w, t.fs, colour="link", max_lines=2)
    more = f" ({len(screen.notices) - 1} more)" if len(screen.notices) > 1 else ""
    bw = min(360, w)
    screen.button((x, area.bottom - t.pad - t.row, bw, t.row), f"OK, noted (Enter){more}", screen.acknowledge,
                  object_id="#primary")
    screen.button((x + bw + t.pad, area.bottom - t.pad - t.row, min(200, w - bw - t.pad), t.row), "Why?",
                  lambda: screen.open_cause(record))
    screen.focus_index = 0


def build_over(screen: "PlayScreen", area: pygame.Rect) -> None:
    t = screen.theme
    ending = screen.session.game.ending
    x, y, w = area.x + t.pad, area.y + t.pad, area.width - 2 * t.pad
    screen.text((x, y), f"The crisis is over: {ending.title}", w, t.fh, bold=True, max_lines=2)
    bw = min(360, w)
    screen.button((x, area.bottom - t.pad - t.row, bw, t.row), "See how it ended (Enter)", screen.to_ending,
                  object_id="#primary")
    screen.focus_index = 0
