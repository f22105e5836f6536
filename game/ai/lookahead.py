"""`lookahead`: Monte Carlo search through the real engine, for the hardest difficulty.

For each promising move the actor could make, the search plays the game on from a copy,
several times, with every actor (itself included) choosing greedily and every chance event
drawn from the copy's own seeded generator, to the end of the game (or `HORIZON_ROUNDS`);
it values each future as `greedy` would (at the end: the actor's score) and averages. After a few futures each, the budget
goes to a race between greedy's own choice and the best-looking rival; the search switches
away from greedy's choice only when the rival is better by a clear margin in the same
futures (paired, with the same luck), so sampling noise seldom makes it play worse.

The budget is counted in simulated turns, not in wall-clock time, so the same game and seed
always give the same choice (replays, undo and balance statistics depend on it). The turn
budget is derived from a time budget with a fixed rate measured on a 2-core reference
machine (`TURNS_PER_MS`); a slower machine takes proportionally longer, never chooses
differently.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field

from game.ai.choice import Choice
from game.ai.forecast import forecast, ranked
from game.ai.greedy import ACTION_BONUS, greedy_move
from game.ai.reasons import because, signed
from game.ai.values import Outlook, outlook
from game.engine import HOLD, Game
from game.scenario.model import Move

BUDGET_MS = 100.0     # time budget per decision on the reference machine (the issue allows ≤ 200 ms)
TURNS_PER_MS = 20.0   # simulated greedy turns per millisecond on the reference machine
HORIZON_ROUNDS = 99   # how far each simulated future runs (99: to the end of the game)
CANDIDATES = 8        # moves worth simulating, by their one-move-ahead worth
MARGIN = 0.5          # points by which a move must beat greedy's choice in simulation to replace it
Z = 2.0               # ... and by this many standard errors of the difference
MIN_RUNS = 6          # ... over at least this many paired futures
FIRST_RUNS = 3        # futures every candidate gets before the race
MAX_RUNS = 40         # futures at most per option


@dataclass
class _Option:
    move: Move | None
    greedy: float
    values: list[float] = field(default_factory=list)  # worth of each simulated future, by seed
    endings: Counter = field(default_factory=Counter)

    @property
    def runs(self) -> int:
        return len(self.values)

    @property
    def id(self) -> str:
        return self.move.id if self.move is not None else HOLD

    @property
    def mean(self) -> float:
        return sum(self.values) / len(self.values) if self.values else -math.inf


def lookahead_policy(game: Game, actor: str, rng: random.Random, budget_ms: float = BUDGET_MS) -> Choice:
    """Choose by simulated futures; explain with the move's direct effect and the futures."""
    view = outlook(game.scenario, actor)
    ranking = sorted(ranked(game, view.value), key=lambda vm: -(vm[0] + (ACTION_BONUS if vm[1] else 0)))
    options = [_Option(move, value) for value, move in ranking[:CANDIDATES]]
    if len(options) == 1:
        chosen = options[0]
        return Choice(chosen.id, because(game, forecast(game, chosen.move, view.value, view.score), view))
    order = len(game.scenario.turns.order)
    left = (game.scenario.turns.max_rounds - game.state.round + 1) * order - game.state.turn
    horizon = min(left, HORIZON_ROUNDS * order)
    _search(game, view, options, rng, horizon, int(budget_ms * TURNS_PER_MS))
    chosen = _pick(options)
    return Choice(chosen.id, because(game, forecast(game, chosen.move, view.value, view.score), view,
                                     _summary(game, view, chosen, options[0], [o for o in options if o is not chosen])))


def _gain(option: _Option, default: _Option) -> tuple[float, float, int]:
    """Mean and standard error of option − default over their paired futures, and how many."""
    n = min(option.runs, default.runs)
    if n < 2:
        return 0.0, math.inf, n
    diffs = [a - b for a, b in zip(option.values, default.values)]
    gain = sum(diffs) / n
    sd = math.sqrt(sum((d - gain) ** 2 for d in diffs) / (n - 1))
    return gain, sd / math.sqrt(n), n


def _convincing(option: _Option, default: _Option) -> bool:
    gain, se, n = _gain(option, default)
    return n >= MIN_RUNS and gain > MARGIN and gain > Z * se


def _pick(options: list[_Option]) -> _Option:
    """Greedy's own choice (the first option) unless another option did better in the same
    simulated futures by more than `MARGIN` points and by more than `Z` standard errors of
    the paired difference: the search overrules the one-move-ahead view only when it is
    confident, so chance alone rarely makes it worse than greedy."""
    default = options[0]
    convincing = [o for o in options[1:] if _convincing(o, default)]
    return max(convincing, key=lambda o: _gain(o, default)[0], default=default)


def _search(game: Game, view: Outlook, options: list[_Option], rng: random.Random, horizon: int,
            budget: int) -> None:
    """A race: every option gets a few futures, then greedy's choice and the best-looking
    rival get more, pair by pair, until the rival is convincingly better or worse, or the
    budget of simulated turns is spent."""
    seeds = [rng.getrandbits(32) for _ in range(MAX_RUNS)]
    default, spent = options[0], 0
    for option in options:
        for run in range(FIRST_RUNS):
            spent += _future(game, view, option, seeds[run], horizon)
    while spent < budget and default.runs < MAX_RUNS:
        rival = max(options[1:], key=lambda o: o.mean)
        gain, se, n = _gain(rival, default)
        if n >= MIN_RUNS and (gain < -Z * se or gain <= MARGIN or gain > Z * se) and \
                not any(o is not rival and o.mean > rival.mean for o in options[1:]):
            break
        for option in (default, rival):
            if option.runs < MAX_RUNS:
                spent += _future(game, view, option, seeds[option.runs], horizon)


def _future(game: Game, view: Outlook, option: _Option, seed: int, horizon: int) -> int:
    """Play one future after `option` and add its worth to the option's tally. Every option
    sees the same seeds (common random numbers), and the generator is reseeded right after
    the move, so options are compared on the same luck, not on how many draws they used."""
    twin = game.clone(rng=random.Random(seed))
    twin.play(option.id)
    twin.rng.seed(seed ^ 0xC0FFEE)  # the same luck after the move, whatever the move drew
    turns = 1
    while turns < horizon and not twin.over:
        twin.play(greedy_move(twin, twin.scenario.turns.order[twin.state.turn]))
        turns += 1
    option.values.append(view.value(twin))
    if twin.over:
        option.endings[twin.state.ending] += 1
    return turns


def _summary(game: Game, view: Outlook, chosen: _Option, default: _Option, others: list[_Option]) -> str:
    """'In 12 futures played out to the end it averaged +14 for Mexico, against +6 for its
    first instinct (Defend the asylum); most ended in Safe-conduct and departure'."""
    s = game.scenario
    short = s.actors[view.actor].short

    def name(option: _Option) -> str:
        return s.move_by_id[option.id].label if option.move is not None else "holding"

    deep = "played out to the end" if HORIZON_ROUNDS >= s.turns.max_rounds else f"{HORIZON_ROUNDS} rounds deep"
    text = f"In {chosen.runs} simulated futures {deep} it averaged {signed(chosen.mean)} for {short}"
    if chosen is not default:
        text += f", clearly better than its first instinct ('{name(default)}', {signed(default.mean)})"
    else:
        rival = max((o for o in others if o.runs), key=lambda o: o.mean, default=None)
        if rival is not None:
            text += f"; no alternative did clearly better (the closest: '{name(rival)}', {signed(rival.mean)})"
    if chosen.endings:
        ending, count = chosen.endings.most_common(1)[0]
        if count * 2 >= chosen.runs:
            text += f"; most of them ended in '{s.ending_by_id[ending].title}'"
    return text
