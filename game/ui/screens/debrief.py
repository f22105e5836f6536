"""The debrief: what really happened, what is uncertain, questions for discussion, sources."""

from __future__ import annotations

import pygame

from game.session import Session
from game.ui.screens.base import Layer
from game.ui.widgets.text import esc


def debrief_html(session: Session) -> tuple[str, str]:
    s = session.scenario
    d = s.debrief
    parts, plain = [], []
    if d.what_happened:
        parts.append("<b>What really happened</b><br>" + esc(d.what_happened.strip()))
        plain.append(d.what_happened)
    if d.uncertain:
        parts.append("<b>Uncertain or disputed</b><br>" + "<br>".join(f"• {esc(u)}" for u in d.uncertain))
        plain.extend(d.uncertain)
    if d.questions:
        parts.append("<b>Questions for discussion</b><br>" +
                     "<br>".join(f"{n}. {esc(q)}" for n, q in enumerate(d.questions, start=1)))
        plain.extend(d.questions)
    if d.sources:
        items = []
        for ident in d.sources:
            src = s.sources.get(ident)
            if src is not None:
                items.append(f"• {esc(src.title)}<br>  <i>{esc(src.url)}</i>")
                plain.append(src.title)
        parts.append("<b>Sources</b><br>" + "<br>".join(items))
    if not parts:
        parts.append("This scenario has no debrief.")
    return "<br><br>".join(parts), "\n".join(plain)


class DebriefScreen(Layer):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def build(self, rect: pygame.Rect) -> None:
        t, s = self.theme, self.session.scenario
        pad = t.pad * 2
        width = rect.width - 2 * pad
        y = pad
        y += self.text((pad, y), f"Debrief: {s.title}", width, t.fh, bold=True, max_lines=2) + t.pad
        bottom = rect.bottom - pad - t.row
        html, plain = debrief_html(self.session)
        self.textbox((pad, y, width, bottom - y - t.pad), html, plain)
        bw = min(280, (width - 3 * t.pad) // 4)
        self.button((pad, bottom, bw, t.row), "Back to the ending", self.back)
        self.button((pad + bw + t.pad, bottom, bw, t.row), "Play again (same seed)", self.again)
        self.button((pad + 2 * (bw + t.pad), bottom, bw, t.row), "Save class report", self.report,
                    tip="Write the whole session (roles, timeline, results, questions) to a Markdown file")
        self.button((rect.right - pad - bw, bottom, bw, t.row), "Title screen", self.title, object_id="#primary")
        self.focus_index = 3

    def report(self) -> None:
        """Write the teacher's session report next to the saves, and say where it is."""
        from game.session.report import session_report
        from game.session.saves import data_dir
        from game.ui.screens.menu import message

        s = self.session
        path = data_dir() / "reports" / f"{s.scenario.id}-seed{s.seed}.md"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(session_report(s), encoding="utf-8")
        except OSError as exc:
            message(self.app, "Could not write the report", str(exc))
            return
        message(self.app, "Class report saved", f"Saved to {path}.\nOpen it in any text editor or print it.")

    def back(self) -> None:
        from game.ui.screens.ending import EndingScreen
        self.app.show(EndingScreen(self.session))

    def again(self) -> None:
        from game.ui import flow
        flow.play_again(self.app, self.session)

    def title(self) -> None:
        from game.ui import flow
        flow.to_title(self.app)
