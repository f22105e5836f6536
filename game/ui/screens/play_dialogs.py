"""Dialogs of the play screen: a news item's cause, and the current team's briefing."""

from __future__ import annotations

import pygame

from game.engine import Record
from game.session import Session
from game.ui.screens.base import Dialog
from game.engine.describe import signed
from game.ui.widgets.news import who
from game.ui.widgets.text import esc


def cause_lines(session: Session, record: Record) -> list[tuple[str, str]]:
    """(style, text) lines explaining a record: what happened, why, and what it changed."""
    s = session.scenario
    lines: list[tuple[str, str]] = [("muted", f"{s.turns.label(record.round)} · {who(s, record)} · {record.label}")]
    if record.outcome:
        lines.append(("", f"Outcome: {record.outcome}"))
    source = s.move_by_id.get(record.id) if record.kind == "move" else s.event_by_id.get(record.id)
    if record.kind == "event" and source is not None and source.description:
        lines.append(("", source.description))
    if record.reason:
        lines.append(("", f"Why {who(s, record)} chose this: {record.reason}"))
    lines.append(("b", "What changed"))
    for change in record.changes:
        name = s.label(change.target)
        if change.kind == "indicator":
            note = " (stopped at the end of its range)" if change.clamped else ""
            lines.append(("", f"• {name}: {change.before:g} to {change.after:g} ({signed(change.delta)}), "
                              f"because of: {change.cause}{note}".replace("-", "−")))
        else:
            lines.append(("", f"• {name}: now {'yes' if change.after else 'no'}, because of: {change.cause}"))
    if record.phase_after != record.phase_before:
        lines.append(("", f"• The crisis moved from '{s.label(record.phase_before)}' to "
                          f"'{s.label(record.phase_after)}'"))
    if not record.changes and record.phase_after == record.phase_before:
        lines.append(("muted", "Nothing measurable changed."))
    basis = getattr(source, "basis", None)
    if basis is not None:
        ref = s.sources.get(basis.source)
        lines.append(("b", "Real-world basis"))
        lines.append(("", basis.text + (f" [{ref.title}]" if ref else "")))
    return lines


def lines_html(lines: list[tuple[str, str]]) -> str:
    out = []
    for style, text in lines:
        if style == "b":
            out.append(f"<b>{esc(text)}</b>")
        elif style == "muted":
            out.append(f"<i>{esc(text)}</i>")
        else:
            out.append(esc(text))
    return "<br>".join(out)


class CauseDialog(Dialog):
    """Why something happened; Older/Newer walk the feed with the keyboard."""

    def __init__(self, session: Session, records: list[Record], index: int) -> None:
        self.session, self.records, self.index = session, records, index
        super().__init__("", width=0.6)
        self._set()

    def _set(self) -> None:
        record = self.records[self.index]
        self.title = record.headline or record.label
        self.lines = cause_lines(self.session, record)
        self.body = "\n".join(text for _, text in self.lines)
        self.buttons = [("Close", None), ("Older", self.older), ("Newer", self.newer)]

    def body_html(self) -> str:
        return lines_html(self.lines)

    def build(self, rect: pygame.Rect) -> None:
        super().build(rect)
        self.focus_order[1].disable() if self.index <= 0 else None
        self.focus_order[2].disable() if self.index >= len(self.records) - 1 else None

    def older(self) -> None:
        self.index = max(0, self.index - 1)
        self._set()
        self.rebuild()

    def newer(self) -> None:
        self.index = min(len(self.records) - 1, self.index + 1)
        self._set()
        self.rebuild()


class BriefingDialog(Dialog):
    """The briefing of the team whose turn it is (never another team's)."""

    def __init__(self, session: Session, actor_id: str) -> None:
        actor = session.scenario.actors[actor_id]
        brief = actor.briefing
        parts = [brief.public, "Private: " + brief.private] + [f"• {o}" for o in brief.objectives] if brief else []
        super().__init__(f"Briefing: {actor.name}", "\n".join(parts), width=0.6)
