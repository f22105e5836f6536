"""A scenario's rules pre-digested for the hot path, built once per scenario and shared.

A game makes tens of moves and a balance run plays tens of thousands of games, so the
lookups a move needs (which indicator a change touches, its range, which phases a move may
be made from, which endings can hold in a phase) are resolved to list indices once here,
instead of by name on every move.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from game.scenario.model import Effects, Ending, Event, Move, Scenario

# (indicator id, index, formula, low, high)
Change_ = tuple[str, int, Callable[[Any], Any], float, float]


@dataclass(frozen=True, slots=True)
class CompiledEffects:
    """Effects with every name resolved to an index into the game state."""

    changes: tuple[Change_, ...]
    sets: tuple[tuple[str, int, bool], ...]
    schedule: tuple[tuple[int, int], ...]  # (event index, delay in rounds)
    empty: bool


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything the engine looks up on every move, by index."""

    from_phases: tuple[frozenset[int] | None, ...]  # per move index
    by_actor: dict[str, list[Move]]
    move_effects: tuple[CompiledEffects, ...]
    outcome_effects: tuple[tuple[CompiledEffects, ...], ...]
    event_effects: tuple[CompiledEffects, ...]
    # per phase index: the endings that may be reached there, in order, with their condition
    endings_in: tuple[tuple[tuple[Ending, Callable[[Any], Any] | None], ...], ...]
    phase_index: dict[str, int]
    conditions: tuple[Callable[[Any], Any] | None, ...]  # per move index
    whens: tuple[Callable[[Any], Any] | None, ...]  # per event index
    # per actor: (move, index, phases or None, limit or None, condition or None), in order
    gates: dict[str, tuple[tuple[Move, int, frozenset[int] | None, int | None, Callable[[Any], Any] | None], ...]]
    # per event, in order: (event, index, repeat, scheduled_only, at_round, when, chance)
    checks: tuple[tuple[Event, int, bool, bool, int | None, Callable[[Any], Any] | None, float], ...]


def compile_effects(scenario: Scenario, effects: Effects) -> CompiledEffects:
    changes = tuple((name, ind.index, formula.fn, ind.min, ind.max)
                    for name, formula in effects.changes
                    for ind in (scenario.indicator_by_id[name],))
    sets = tuple((name, scenario.flag_by_id[name].index, value) for name, value in effects.sets)
    schedule = tuple((scenario.event_by_id[name].index, delay) for name, delay in effects.schedule)
    return CompiledEffects(changes, sets, schedule, not effects)


def _endings_in(scenario: Scenario, phase: str) -> tuple[tuple[Ending, Callable[[Any], Any] | None], ...]:
    """The endings checked after a move or event in `phase`: the time-out-only ones never."""
    out = []
    for ending in scenario.endings:
        if ending.condition is None and ending.phase is None:
            continue  # reached only when time runs out
        if ending.phase is not None and ending.phase != phase:
            continue
        out.append((ending, ending.condition.fn if ending.condition else None))
    return tuple(out)


@lru_cache(maxsize=32)
def plan_for(scenario: Scenario) -> Plan:
    """The shared plan of a scenario (scenarios hash by identity)."""
    s = scenario
    from_phases = tuple(frozenset(s.phase_by_id[p].index for p in m.from_phases) if m.from_phases else None
                        for m in s.moves)
    conditions = tuple(m.condition.fn if m.condition else None for m in s.moves)
    whens = tuple(e.when.fn if e.when else None for e in s.events)
    return Plan(
        from_phases=from_phases,
        by_actor={a: [m for m in s.moves if m.actor == a] for a in s.turns.order},
        move_effects=tuple(compile_effects(s, m.effects) for m in s.moves),
        outcome_effects=tuple(tuple(compile_effects(s, o.effects) for o in m.outcomes) for m in s.moves),
        event_effects=tuple(compile_effects(s, e.effects) for e in s.events),
        endings_in=tuple(_endings_in(s, p.id) for p in s.phases),
        phase_index={p.id: p.index for p in s.phases},
        conditions=conditions,
        whens=whens,
        gates={a: tuple((m, m.index, from_phases[m.index], m.limit, conditions[m.index])
                        for m in s.moves if m.actor == a) for a in s.turns.order},
        checks=tuple((e, e.index, e.repeat, e.scheduled_only, e.at_round, whens[e.index], e.chance)
                     for e in s.events),
    )
