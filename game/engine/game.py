"""A game in progress: the rules of a round applied to Parley's own state.

Each round every actor in turn order makes one legal move (or holds); effects apply and
are clamped; the phase follows the rule book; endings are checked after every move and
event; at the end of the round events are checked; after the last round the time-out
ending is reached. Every random draw comes from the game's own seeded generator, so the
same scenario, seed and moves give the same history, byte for byte.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any, Iterable

from game.engine.history import Change, Record
from game.engine.machine import event_trigger, move_trigger, rules_for
from game.engine.plan import CompiledEffects, plan_for
from game.scenario.expressions import explain
from game.scenario.model import Ending, Event, Move, Scenario

HOLD = "hold"


class IllegalMove(Exception):
    """A move that the rules do not allow now; the message says why in words."""


@dataclass(slots=True)
class GameState:
    """Everything that changes during a game; conditions read it directly."""

    phase: int
    round: int
    turn: int
    ind: list[float]
    flags: list[bool]
    visits: list[int]
    made: list[int]
    fired: list[int]
    scheduled: dict[int, list[int]]
    ending: str | None = None

    def copy(self) -> "GameState":
        return GameState(self.phase, self.round, self.turn, list(self.ind), list(self.flags), list(self.visits),
                         list(self.made), list(self.fired), {k: list(v) for k, v in self.scheduled.items()},
                         self.ending)


def whole(value: float) -> int:
    """Indicator values are whole numbers: round halves away from zero."""
    return int(math.floor(value + 0.5)) if value >= 0 else -int(math.floor(-value + 0.5))


@dataclass(frozen=True, slots=True)
class MoveStatus:
    move: Move | None  # None for hold
    legal: bool
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.move.id if self.move else HOLD


class Game:
    """One game of a scenario. `play(move_id)` is the only way to change it."""

    def __init__(self, scenario: Scenario, seed: int, fast: bool = False, record: bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.rng = random.Random(seed)
        self.rules = rules_for(scenario, fast)
        self.record = record
        self.history: list[Record] = []
        self.moves: list[str] = []
        self.reasons: list[str] = []  # why each move was chosen ("" for people)
        phase = scenario.initial_phase
        self.state = GameState(
            phase=phase.index, round=1, turn=0, ind=[whole(i.initial) for i in scenario.indicators],
            flags=[f.initial for f in scenario.flags], visits=[1 if p.initial else 0 for p in scenario.phases],
            made=[0] * len(scenario.moves), fired=[0] * len(scenario.events), scheduled={})
        self._plan = plan = plan_for(scenario)
        self._from = plan.from_phases
        self._by_actor = plan.by_actor
        self._timeout = scenario.ending_by_id[scenario.turns.timeout_ending]

    def clone(self, record: bool = False, rng: random.Random | None = None) -> "Game":
        """An independent copy to explore 'what if' (the AI looks ahead with these).
        Its generator continues from the same point, so a clone replays the future exactly;
        pass `rng` to give it a generator of its own instead (a search that must not peek
        at the real game's future draws, and is cheaper than copying the generator)."""
        twin = object.__new__(Game)
        twin.__dict__.update(self.__dict__)  # shared, read-only: scenario, rules, lookup tables
        twin.record = record
        if rng is None:
            rng = random.Random()
            rng.setstate(self.rng.getstate())
        twin.rng = rng
        twin.history = list(self.history) if record else []
        twin.moves, twin.reasons = list(self.moves), list(self.reasons)
        twin.state = self.state.copy()
        return twin

    def after(self, move_id: str, outcome: int | None = None) -> "Game":
        """A copy of the game right after the current actor makes `move_id`, with the
        move's outcome number `outcome` instead of a random draw: effects, phase change and
        endings apply, but the turn does not pass and no event is checked. This is the
        one-move-ahead view the AI weighs a move with; nothing random happens in it."""
        twin = object.__new__(Game)
        twin.__dict__.update(self.__dict__)
        twin.record, twin.history, twin.rng = False, [], _NO_DRAWS
        twin.state = self.state.copy()
        if move_id != HOLD:
            move = self.scenario.move_by_id[move_id]
            twin._make(move, "", outcome)
        return twin

    # -- reading ---------------------------------------------------------------------------
    @property
    def over(self) -> bool:
        return self.state.ending is not None

    @property
    def ending(self) -> Ending | None:
        return self.scenario.ending_by_id[self.state.ending] if self.state.ending else None

    @property
    def phase(self) -> str:
        return self.scenario.phases[self.state.phase].id

    @property
    def current_actor(self) -> str | None:
        return None if self.over else self.scenario.turns.order[self.state.turn]

    @property
    def round_label(self) -> str:
        return self.scenario.turns.label(self.state.round)

    def value(self, name: str) -> Any:
        """The current value of an indicator or flag."""
        s = self.scenario
        if name in s.indicator_by_id:
            return self.state.ind[s.indicator_by_id[name].index]
        return self.state.flags[s.flag_by_id[name].index]

    def legal_moves(self) -> list[Move]:
        """The moves the current actor may make now (holding is always possible too)."""
        actor = self.current_actor
        if actor is None:
            return []
        st = self.state
        phase, made = st.phase, st.made
        return [move for move, index, phases, limit, condition in self._plan.gates[actor]
                if (phases is None or phase in phases) and (limit is None or made[index] < limit)
                and (condition is None or condition(st))]

    def _allowed(self, move: Move, st: GameState) -> bool:
        phases = self._from[move.index]
        if phases is not None and st.phase not in phases:
            return False
        if move.limit is not None and st.made[move.index] >= move.limit:
            return False
        condition = self._plan.conditions[move.index]
        return condition is None or bool(condition(st))

    def statuses(self, actor: str | None = None) -> list[MoveStatus]:
        """Every move of an actor (default: whose turn it is), legal or not, with reasons."""
        actor = actor or self.current_actor
        if actor is None:
            return []
        return [self.status(m.id) for m in self.scenario.moves if m.actor == actor]

    def status(self, move_id: str) -> MoveStatus:
        """Whether a move is legal now and, if not, why — in words a player understands."""
        if move_id == HOLD:
            return MoveStatus(None, not self.over, () if not self.over else ("the game is over",))
        move = self.scenario.move_by_id.get(move_id)
        if move is None:
            return MoveStatus(None, False, (f"there is no move called '{move_id}'",))
        s, st, reasons = self.scenario, self.state, []
        if self.over:
            reasons.append("the game is over")
        elif move.actor != self.current_actor:
            reasons.append(f"it is {s.actors[self.current_actor or move.actor].short}'s turn, and this is a move for "
                           f"{s.actors[move.actor].short}")
        phases = self._from[move.index]
        if phases is not None and st.phase not in phases:
            names = ", ".join(f"'{s.phase_by_id[p].title}'" for p in move.from_phases or ())
            reasons.append(f"only possible in {names} (now: '{s.phases[st.phase].title}')")
        if move.limit is not None and st.made[move.index] >= move.limit:
            reasons.append("already made" if move.limit == 1 else f"already made {move.limit} times, the most allowed")
        if move.condition is not None:
            reasons.extend(explain(move.condition, st, s.label))
        return MoveStatus(move, not reasons, tuple(reasons))

    def scores(self) -> dict[str, float]:
        """Each actor's score in the ending reached (empty before the end)."""
        ending = self.ending
        if ending is None:
            return {}
        return {actor: float(result.score.fn(self.state)) for actor, result in ending.results.items()}

    def last_changes(self) -> dict[str, Change]:
        """For each indicator or flag, the most recent change to it."""
        out: dict[str, Change] = {}
        for record in self.history:
            for change in record.changes:
                out[change.target] = change
        return out

    # -- playing ---------------------------------------------------------------------------
    def play(self, move_id: str, reason: str = "") -> list[Record]:
        """Make the current actor's move (or `hold`); return the records it produced."""
        start = len(self.history)
        actor = self.current_actor
        if actor is None:
            raise IllegalMove("the game is over")
        if move_id == HOLD:
            self._log("hold", actor, HOLD, f"{self.scenario.actors[actor].short} holds", self.phase, (),
                      f"{self.scenario.actors[actor].short} waits and watches", reason=reason)
        else:
            move = self.scenario.move_by_id.get(move_id)
            if move is None or move.actor != actor or not self._allowed(move, self.state):
                raise IllegalMove("; ".join(self.status(move_id).reasons) or f"'{move_id}' is not legal now")
            self._make(move, reason)
        self.moves.append(move_id)
        self.reasons.append(reason)
        if not self.over:
            self._next_turn()
        return self.history[start:]

    def _make(self, move: Move, reason: str, forced: int | None = None) -> None:
        st = self.state
        before = self.phase
        st.made[move.index] += 1
        changes = self._apply(self._plan.move_effects[move.index], move.label)
        trigger, headline, outcome_label = move.id, move.headline, ""
        if move.outcomes:
            k = self._draw([o.chance for o in move.outcomes]) if forced is None else forced
            outcome = move.outcomes[k]
            changes += self._apply(self._plan.outcome_effects[move.index][k],
                                   f"{move.label}: {outcome.label}" if self.record else "")
            trigger, outcome_label = move_trigger(move, k), outcome.label
            headline = outcome.headline or headline
        self._enter(self.rules.next_phase(before, trigger))
        self._log("move", move.actor, move.id, move.label, before, changes, headline, outcome_label, reason)
        self._check_endings()

    def _draw(self, chances: list[float]) -> int:
        roll, total = self.rng.random(), 0.0
        for k, chance in enumerate(chances):
            total += chance
            if roll < total:
                return k
        return len(chances) - 1

    def _apply(self, effects: CompiledEffects, cause: str) -> tuple[Change, ...]:
        if effects.empty:
            return ()
        st, record, out = self.state, self.record, []
        ind = st.ind
        for name, index, formula, low, high in effects.changes:
            old = ind[index]
            wanted = old + formula(st)
            if wanted.__class__ is not int:
                wanted = whole(wanted)
            # same as whole(min(max(wanted, low), high)), without the calls when in range
            new = wanted if low <= wanted <= high else whole(low if wanted < low else high)
            ind[index] = new
            if record and new != old:
                out.append(Change(name, "indicator", old, new, cause, new != wanted))
        flags = st.flags
        for name, index, value in effects.sets:
            old = flags[index]
            flags[index] = value
            if record and old != value:
                out.append(Change(name, "flag", old, value, cause))
        for event_index, delay in effects.schedule:
            st.scheduled.setdefault(st.round + delay, []).append(event_index)
        return tuple(out)

    def _enter(self, phase_id: str) -> None:
        index = self._plan.phase_index[phase_id]
        if index != self.state.phase:
            self.state.phase = index
            self.state.visits[index] += 1

    def _log(self, kind: str, actor: str | None, ident: str, label: str, before: str,
             changes: Iterable[Change], headline: str, outcome: str = "", reason: str = "") -> None:
        if self.record:
            self.history.append(Record(len(self.history), self.state.round, kind, actor, ident, label, before,
                                       self.phase, headline, outcome, tuple(changes), reason))

    def _check_endings(self) -> None:
        st = self.state
        for ending, condition in self._plan.endings_in[st.phase]:
            if condition is None or condition(st):
                self._finish(ending)
                return

    def _finish(self, ending: Ending) -> None:
        self.state.ending = ending.id
        self._log("ending", None, ending.id, ending.title, self.phase, (), ending.title)

    def _next_turn(self) -> None:
        st = self.state
        st.turn += 1
        if st.turn < len(self.scenario.turns.order):
            return
        st.turn = 0
        self._run_events()
        if self.over:
            return
        st.round += 1
        if st.round > self.scenario.turns.max_rounds:
            st.round = self.scenario.turns.max_rounds
            self._finish(self._timeout)

    def _run_events(self) -> None:
        st = self.state
        due = st.scheduled.pop(st.round, ())
        fired, round_ = st.fired, st.round
        for event, index, repeat, scheduled_only, at_round, when, chance in self._plan.checks:
            if st.ending is not None:
                return
            if fired[index] and not repeat:
                continue
            if index in due:
                if when is None or when(st):
                    self._fire(event)
                continue
            if scheduled_only or (at_round is not None and at_round != round_):
                continue
            if when is not None and not when(st):
                continue
            if chance < 1 and self.rng.random() >= chance:
                continue
            self._fire(event)

    def _fire(self, event: Event) -> None:
        before = self.phase
        self.state.fired[event.index] += 1
        changes = self._apply(self._plan.event_effects[event.index], event.title)
        if event.to is not None:
            self._enter(self.rules.next_phase(before, event_trigger(event.id)))
        self._log("event", None, event.id, event.title, before, changes, event.headline)
        self._check_endings()


class _NoDraws(random.Random):
    """The generator of a one-move-ahead view: nothing random may happen in it."""

    def random(self) -> float:
        raise AssertionError("a one-move-ahead view must not draw random numbers")


_NO_DRAWS = _NoDraws(0)


def replay(scenario: Scenario, seed: int, moves: Iterable[str], fast: bool = False) -> Game:
    """A new game with `moves` made in order; raises IllegalMove if one is not legal."""
    game = Game(scenario, seed, fast=fast)
    for move in moves:
        game.play(move)
    return game
