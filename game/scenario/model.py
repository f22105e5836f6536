"""Frozen definitions of a compiled scenario. The engine reads these, never YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from game.scenario.expressions import Expr

Where = tuple[int, int]  # 1-based line, column in the scenario file


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Basis:
    """The treaty article or precedent a move or event mirrors."""

    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Capital:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Briefing:
    public: str
    private: str
    objectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    short: str
    colour: str
    capital: Capital | None
    playable: bool
    briefing: Briefing | None
    stance: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    index: int
    label: str
    description: str
    min: float
    max: float
    initial: float
    good: Mapping[str, int]  # actor id -> +1 (up is good) or -1 (down is good)


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    index: int
    label: str
    description: str
    initial: bool


@dataclass(frozen=True, slots=True)
class Phase:
    id: str
    index: int
    title: str
    description: str
    initial: bool


@dataclass(frozen=True, slots=True)
class Effects:
    """Indicator changes (formulas), flags set, and events scheduled `in` rounds later."""

    changes: tuple[tuple[str, Expr], ...] = ()
    sets: tuple[tuple[str, bool], ...] = ()
    schedule: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes or self.sets or self.schedule)


@dataclass(frozen=True, slots=True)
class Outcome:
    chance: float
    label: str
    effects: Effects
    to: str | None
    headline: str


@dataclass(frozen=True, slots=True)
class Move:
    id: str
    index: int
    actor: str
    label: str
    description: str
    from_phases: tuple[str, ...] | None  # None: any phase
    to: str | None
    condition: Expr | None
    limit: int | None
    effects: Effects
    outcomes: tuple[Outcome, ...]
    headline: str
    basis: Basis | None
    where: Where = (0, 0)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    index: int
    title: str
    description: str
    when: Expr | None
    at_round: int | None
    chance: float
    repeat: bool
    scheduled_only: bool
    to: str | None
    effects: Effects
    headline: str
    basis: Basis | None
    where: Where = (0, 0)


@dataclass(frozen=True, slots=True)
class Turns:
    order: tuple[str, ...]
    round_label: str
    max_rounds: int
    timeout_ending: str

    def label(self, round_number: int) -> str:
        return self.round_label.replace("{round}", str(round_number))


@dataclass(frozen=True, slots=True)
class Result:
    score: Expr
    text: str


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: str
    phase: str | None
    condition: Expr | None
    narrative: str
    results: Mapping[str, Result]
    where: Where = (0, 0)


@dataclass(frozen=True, slots=True)
class Debrief:
    what_happened: str = ""
    uncertain: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Playthrough:
    """A seeded playthrough embedded in the scenario as a test."""

    name: str
    seed: int
    moves: tuple[str, ...]
    expect_ending: str | None
    expect_check: Expr | None
    where: Where = (0, 0)


@dataclass(frozen=True, slots=True)
class Expectation:
    """A balance expectation: an ending's share under a policy lies within [low, high]."""

    ending: str
    low: float
    high: float
    policy: str
    where: Where = (0, 0)


@dataclass(frozen=True, eq=False)
class Scenario:
    """A validated scenario: everything the engine, the AI and the screens need.

    Compared and hashed by identity, so the shared Machine can be cached per scenario."""

    path: str
    content_hash: str
    format: int
    id: str
    title: str
    summary: str
    language: str
    authors: tuple[str, ...]
    sources: Mapping[str, Source]
    actors: Mapping[str, Actor]
    indicators: tuple[Indicator, ...]
    flags: tuple[Flag, ...]
    phases: tuple[Phase, ...]
    moves: tuple[Move, ...]
    events: tuple[Event, ...]
    turns: Turns
    endings: tuple[Ending, ...]
    debrief: Debrief
    tests: tuple[Playthrough, ...] = ()
    balance: tuple[Expectation, ...] = ()
    move_by_id: Mapping[str, Move] = field(default_factory=dict)
    phase_by_id: Mapping[str, Phase] = field(default_factory=dict)
    event_by_id: Mapping[str, Event] = field(default_factory=dict)
    ending_by_id: Mapping[str, Ending] = field(default_factory=dict)
    indicator_by_id: Mapping[str, Indicator] = field(default_factory=dict)
    flag_by_id: Mapping[str, Flag] = field(default_factory=dict)

    @property
    def initial_phase(self) -> Phase:
        return next(p for p in self.phases if p.initial)

    @property
    def playable(self) -> tuple[str, ...]:
        """Ids of the actors a person may play, in turn order first."""
        ordered = [a for a in self.turns.order if self.actors[a].playable]
        return tuple(ordered + [a for a, actor in self.actors.items() if actor.playable and a not in ordered])

    def moves_of(self, actor: str) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.actor == actor)

    def label(self, name: str) -> str:
        """The human label of any id (indicator, flag, phase, move, event, ending, actor)."""
        for table, attr in ((self.indicator_by_id, "label"), (self.flag_by_id, "label"),
                            (self.phase_by_id, "title"), (self.move_by_id, "label"),
                            (self.event_by_id, "title"), (self.ending_by_id, "title")):
            item = table.get(name)
            if item is not None:
                return str(getattr(item, attr))
        actor = self.actors.get(name)
        return actor.name if actor else name
