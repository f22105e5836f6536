"""Whole-scenario checks that need every definition at once: reachability, dead ends,
unused content. One small function per check, each adding problems to the reader."""

from __future__ import annotations

from collections import deque
from typing import Iterable

from game.scenario import model as m
from game.scenario.expressions import Expr, Node, walk
from game.scenario.read import Reader


def run_checks(scenario: m.Scenario, reader: Reader) -> None:
    paths = _paths(reader)
    checks = (_initial_phase, _actors, _moves, _phases, _endings, _indicators_and_flags, _events, _results)
    for check in checks:
        check(scenario, reader, paths)


def _paths(reader: Reader) -> dict[str, tuple]:
    """id -> its path in the YAML data, for locating problems."""
    out: dict[str, tuple] = {}
    data = reader.located.data
    for kind in ("actors", "indicators", "flags", "phases", "moves", "events", "endings"):
        for i, entry in enumerate(data.get(kind) or []):
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                out.setdefault(entry["id"], (kind, i))
    return out


def _initial_phase(s: m.Scenario, r: Reader, paths: dict) -> None:
    initial = [p for p in s.phases if p.initial]
    if len(initial) != 1:
        where = paths.get(initial[1].id, ("phases",)) if len(initial) > 1 else ("phases",)
        r.report(where, "initial-phase", f"exactly one phase must have 'initial: true', found {len(initial)}",
                 "mark the phase the crisis starts in with 'initial: true'")


def _actors(s: m.Scenario, r: Reader, paths: dict) -> None:
    for actor_id in s.turns.order:
        if not s.moves_of(actor_id):
            r.report(("turns", "order"), "actor-without-moves", f"'{actor_id}' takes turns but has no moves",
                     f"give '{actor_id}' a move, or remove it from turns.order", severity="warning")
    for move in s.moves:
        if move.actor not in s.turns.order:
            r.report(paths[move.id] + ("actor",), "unusable-move",
                     f"no actor can make move '{move.id}': '{move.actor}' takes no turns",
                     f"add '{move.actor}' to turns.order, or give the move to an actor that acts",
                     severity="warning")
    for actor in s.actors.values():
        if actor.playable and actor.id not in s.turns.order:
            r.report(paths[actor.id] + ("playable",), "unusable-actor",
                     f"'{actor.id}' is playable but takes no turns", f"add '{actor.id}' to turns.order",
                     severity="warning")


def _moves(s: m.Scenario, r: Reader, paths: dict) -> None:
    reachable = reachable_phases(s)
    for move in s.moves:
        where = paths[move.id]
        if move.condition is not None and not _possible(move.condition.tree, True, s):
            r.report(where + ("condition",), "unusable-move", f"the condition of move '{move.id}' can never be "
                     f"true: '{move.condition.text}'", "a flag it needs is never set, or a value lies outside "
                     "its indicator's range", severity="warning")
        elif move.from_phases and not set(move.from_phases) & reachable:
            r.report(where + ("from",), "unusable-move", f"move '{move.id}' can only be made in phases no path "
                     "reaches", "check its 'from' list", severity="warning")


def phase_edges(s: m.Scenario) -> dict[str, set[str]]:
    """For each phase, the phases a move, outcome or event can lead to from it."""
    edges: dict[str, set[str]] = {p.id: set() for p in s.phases}
    all_phases = [p.id for p in s.phases]
    for move in s.moves:
        targets = {move.to} | {o.to for o in move.outcomes}
        for source in move.from_phases or all_phases:
            edges[source] |= {t for t in targets if t and t != source}
    for event in s.events:
        for source in all_phases:
            if event.to and event.to != source:
                edges[source].add(event.to)
    return edges


def reachable_phases(s: m.Scenario) -> set[str]:
    edges = phase_edges(s)
    start = [p.id for p in s.phases if p.initial][:1]
    seen, queue = set(start), deque(start)
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _phases(s: m.Scenario, r: Reader, paths: dict) -> None:
    reachable, edges = reachable_phases(s), phase_edges(s)
    ending_phases = {e.phase for e in s.endings if e.phase}
    for phase in s.phases:
        if phase.id not in reachable:
            r.report(paths[phase.id], "unreachable-phase", f"no move or event leads to phase '{phase.id}'",
                     f"give some move or event 'to: {phase.id}', or remove the phase", severity="warning")
        elif not edges[phase.id] and phase.id not in ending_phases:
            r.report(paths[phase.id], "dead-end-phase",
                     f"phase '{phase.id}' has no way out and no ending is reached in it",
                     f"add a move or event leading out of it, or an ending with 'phase: {phase.id}'")


def _endings(s: m.Scenario, r: Reader, paths: dict) -> None:
    reachable = reachable_phases(s)
    start = _StartState(s)
    for ending in s.endings:
        where = paths[ending.id]
        if ending.phase and ending.phase not in reachable:
            r.report(where + ("phase",), "unreachable-ending",
                     f"ending '{ending.id}' needs phase '{ending.phase}', which no path reaches",
                     severity="warning")
        elif ending.condition is not None and not _possible(ending.condition.tree, True, s):
            r.report(where + ("condition",), "unreachable-ending",
                     f"no path can make the condition of ending '{ending.id}' true: "
                     f"'{ending.condition.text}'", "a flag it needs is never set, or a value lies outside "
                     "its indicator's range", severity="warning")
        phase_ok = ending.phase in (None, s.initial_phase.id)
        if phase_ok and (ending.condition is None or ending.condition(start)) and ending.id != s.turns.timeout_ending:
            r.report(where, "ending-at-start", f"ending '{ending.id}' already holds when the game starts",
                     "add a condition that is false at the start, or a 'phase'")


class _StartState:
    """The game state at the start, enough to evaluate a condition."""

    def __init__(self, s: m.Scenario) -> None:
        self.ind = [i.initial for i in s.indicators]
        self.flags = [f.initial for f in s.flags]
        self.round = 1
        self.phase = s.initial_phase.index
        self.visits = [1 if p.initial else 0 for p in s.phases]
        self.made = [0] * len(s.moves)
        self.fired = [0] * len(s.events)


def _possible(node: Node, want: bool, s: m.Scenario) -> bool:
    """Could `node` ever evaluate to `want`? Errs on the side of 'yes'."""
    if node.op == "bool":
        return node.args[0] == want
    if node.op == "not":
        return _possible(node.args[0], not want, s)
    if node.op in ("and", "or"):
        combine = all if (node.op == "and") == want else any
        return combine(_possible(p, want, s) for p in node.args)
    if node.op == "flag":
        flag = s.flag_by_id[node.args[1]]
        return flag.initial == want or any(name == flag.id and value == want for e in _all_effects(s)
                                           for name, value in e.sets)
    if node.op == "compare" and want and len(node.args[1]) == 1:
        left, right = node.args[0]
        if left.op == "ind" and right.op == "num":
            ind = s.indicator_by_id[left.args[1]]
            value, symbol = right.args[0], node.args[1][0]
            return {"<": ind.min < value, "<=": ind.min <= value, ">": ind.max > value,
                    ">=": ind.max >= value, "==": ind.min <= value <= ind.max, "!=": True}[symbol]
    return True


def _all_effects(s: m.Scenario) -> Iterable[m.Effects]:
    for move in s.moves:
        yield move.effects
        for outcome in move.outcomes:
            yield outcome.effects
    for event in s.events:
        yield event.effects


def _expressions(s: m.Scenario) -> Iterable[Expr]:
    for move in s.moves:
        yield from ([move.condition] if move.condition else [])
    for event in s.events:
        yield from ([event.when] if event.when else [])
    for ending in s.endings:
        yield from ([ending.condition] if ending.condition else [])
        yield from (res.score for res in ending.results.values())
    for effects in _all_effects(s):
        yield from (formula for _, formula in effects.changes)


def _indicators_and_flags(s: m.Scenario, r: Reader, paths: dict) -> None:
    read = set().union(*(e.names for e in _expressions(s)))
    changed = {name for e in _all_effects(s) for name, _ in e.changes}
    set_flags = {name for e in _all_effects(s) for name, _ in e.sets}
    for kind, items, touched in (("indicator", s.indicators, changed), ("flag", s.flags, set_flags)):
        for item in items:
            if item.id not in read:
                r.report(paths[item.id], f"unused-{kind}", f"{kind} '{item.id}' is never read by any condition, "
                         "formula or score", f"use it in a condition or an ending's score, or remove it",
                         severity="warning")
            if item.id not in touched:
                verb = "changed" if kind == "indicator" else "set"
                r.report(paths[item.id], f"unchanged-{kind}", f"{kind} '{item.id}' is never {verb} by any move "
                         "or event", f"add it to some move's effects, or remove it", severity="warning")


def _events(s: m.Scenario, r: Reader, paths: dict) -> None:
    scheduled = {name for e in _all_effects(s) for name, _ in e.schedule}
    for event in s.events:
        if event.scheduled_only and event.id not in scheduled:
            r.report(paths[event.id], "unused-event", f"event '{event.id}' is scheduled_only but nothing "
                     "schedules it", f"schedule it from a move: schedule: [{{event: {event.id}, in: 1}}]",
                     severity="warning")
        if event.at_round is not None and event.at_round > s.turns.max_rounds:
            r.report(paths[event.id] + ("at_round",), "unused-event",
                     f"event '{event.id}' is due in round {event.at_round}, after the last round "
                     f"({s.turns.max_rounds})", severity="warning")


def _results(s: m.Scenario, r: Reader, paths: dict) -> None:
    playable = [a for a in s.actors.values() if a.playable]
    for ending in s.endings:
        for actor in playable:
            if actor.id not in ending.results:
                r.report(paths[ending.id], "missing-result",
                         f"ending '{ending.id}' has no result for the playable actor '{actor.id}'",
                         f"add results: {{{actor.id}: {{score: 0, text: ...}}}}", severity="warning")


__all__ = ["run_checks", "reachable_phases", "phase_edges", "walk"]
