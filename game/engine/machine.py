"""The rule book: one `transitions` Machine per scenario, phases as states, moves as triggers.

This is the only module that imports `transitions`. Game state lives in Parley's own
objects; the Machine is shared by every game of a scenario and only answers "from this
phase, this trigger leads where?". For long simulations the same answers are compiled
from the Machine into a plain dict (`TransitionTable`), which is many times faster.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from transitions import Machine

from game.scenario.model import Move, Scenario


def move_trigger(move: Move, outcome_index: int | None = None) -> str:
    """The trigger name of a move, or of one of its outcomes that leads to its own phase."""
    if outcome_index is not None and move.outcomes[outcome_index].to is not None:
        return f"{move.id}/{outcome_index}"
    return move.id


def event_trigger(event_id: str) -> str:
    return f"event:{event_id}"


def build_machine(scenario: Scenario) -> Machine:
    """Compile a scenario's phases and moves into a `transitions` Machine (no model attached)."""
    phases: Any = [p.id for p in scenario.phases]
    machine = Machine(model=None, states=phases, initial=scenario.initial_phase.id,
                      auto_transitions=False, send_event=False)
    for move in scenario.moves:
        sources: Any = list(move.from_phases) if move.from_phases else phases
        machine.add_transition(move.id, sources, move.to)
        for k, outcome in enumerate(move.outcomes):
            if outcome.to is not None:
                machine.add_transition(move_trigger(move, k), sources, outcome.to)
    for event in scenario.events:
        machine.add_transition(event_trigger(event.id), phases, event.to)
    return machine


class _Token:
    """The smallest model a transitions Machine can move: it only carries a state."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


class MachineRules:
    """Answers phase changes by firing the scenario's Machine."""

    def __init__(self, machine: Machine) -> None:
        self.machine = machine

    def next_phase(self, phase: str, trigger: str) -> str:
        token = _Token(phase)
        self.machine.events[trigger].trigger(token)
        return token.state


class TransitionTable:
    """The Machine's transitions as a dict: (phase, trigger) -> next phase."""

    def __init__(self, machine: Machine) -> None:
        self.table: dict[tuple[str, str], str] = {}
        for name, event in machine.events.items():
            for source, transitions in event.transitions.items():
                dest = transitions[0].dest
                self.table[(source, name)] = source if dest is None else dest

    def next_phase(self, phase: str, trigger: str) -> str:
        return self.table[(phase, trigger)]


@lru_cache(maxsize=32)
def _machine_for(scenario: Scenario) -> Machine:
    return build_machine(scenario)


def rules_for(scenario: Scenario, fast: bool = False) -> MachineRules | TransitionTable:
    """The shared rule book of a scenario: the Machine itself, or its compiled table."""
    machine = _machine_for(scenario)
    return _table_for(scenario) if fast else MachineRules(machine)


@lru_cache(maxsize=32)
def _table_for(scenario: Scenario) -> TransitionTable:
    return TransitionTable(_machine_for(scenario))
