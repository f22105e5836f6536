"""A written record of a session for the teacher's debrief: who played what, every move
and event with its consequences and reasons, the ending, and the discussion questions."""

from __future__ import annotations

from game.engine import Record
from game.engine.describe import change_text
from game.session.session import HUMAN, Session


def key_moments(history: list[Record], count: int = 5) -> list[Record]:
    """The moves and events that moved the indicators most, in the order they happened."""
    scored = [(sum(abs(c.delta) for c in r.changes) + 10 * (r.phase_before != r.phase_after), r.seq, r)
              for r in history if r.kind in ("move", "event")]
    top = [item for item in sorted(scored, key=lambda item: (-item[0], item[1]))[:count] if item[0] > 0]
    return [record for _, _, record in sorted(top, key=lambda item: item[1])]


def session_report(session: Session) -> str:
    """The session as Markdown: readable as plain text, printable, easy to paste."""
    s, game = session.scenario, session.game
    lines = [f"# Parley session report: {s.title}", "",
             f"Scenario `{s.id}` (version {s.content_hash[:12]}), seed {session.seed}, "
             f"{game.round_label} of {s.turns.max_rounds}.", "", "## Roles", ""]
    for actor_id, role in session.roles.items():
        who = "a team of people" if role == HUMAN else f"the computer ({role})"
        lines.append(f"- {s.actors[actor_id].name}: {who}")
    ending = game.ending
    if ending:
        lines += ["", f"## Ending: {ending.title}", "", ending.narrative.strip(), "",
                  "| role | score | how it fared |", "|---|---:|---|"]
        scores = game.scores()
        for actor_id, result in ending.results.items():
            lines.append(f"| {s.actors[actor_id].name} | {scores[actor_id]:+.0f} | {result.text} |")
    else:
        lines += ["", "## The game is still in progress", ""]
    lines += ["", "## Indicators", "", "| indicator | start | now |", "|---|---:|---:|"]
    for ind in s.indicators:
        lines.append(f"| {ind.label} | {ind.initial:g} | {game.state.ind[ind.index]:g} |")
    moments = key_moments(game.history)
    if moments:
        lines += ["", "## Key moments", ""]
        lines += [f"- {s.turns.label(r.round)}: {r.headline}" for r in moments]
    lines += ["", "## Timeline", ""]
    for record in game.history:
        lines.extend(_timeline_entry(session, record))
    lines += _debrief(session)
    return "\n".join(lines) + "\n"


def _timeline_entry(session: Session, record: Record) -> list[str]:
    s = session.scenario
    if record.kind == "ending":
        return [f"- **{s.turns.label(record.round)} — the crisis ends: {record.label}**"]
    who = s.actors[record.actor].short if record.actor else "Event"
    outcome = f" ({record.outcome})" if record.outcome else ""
    out = [f"- {s.turns.label(record.round)} — {who}: {record.headline}{outcome}"]
    if record.reason and session.roles.get(record.actor or "") != HUMAN:
        out.append(f"  - why: {record.reason}")
    out += [f"  - {change_text(s, change)}" for change in record.changes]
    if record.phase_after != record.phase_before:
        out.append(f"  - the crisis enters the phase '{s.label(record.phase_after)}'")
    return out


def _debrief(session: Session) -> list[str]:
    d, s = session.scenario.debrief, session.scenario
    out = ["", "## Debrief: what really happened", "", d.what_happened.strip()]
    if d.uncertain:
        out += ["", "Uncertain or disputed:", ""] + [f"- {item}" for item in d.uncertain]
    if d.questions:
        out += ["", "## Questions for discussion", ""] + [f"{i}. {q}" for i, q in enumerate(d.questions, 1)]
    if d.sources:
        out += ["", "## Sources", ""] + [f"- {s.sources[i].title}: {s.sources[i].url}" for i in d.sources]
    return out
