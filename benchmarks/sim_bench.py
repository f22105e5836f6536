"""Simulation speed: games per second, the engine's cost per move against a floor, and the
look-ahead's time per decision.

    .venv/bin/python benchmarks/sim_bench.py [SCENARIO] [--games 10000] [--quick]

The floor is the same scenario played by the smallest loop that can play it: transitions
as a dict from (phase, trigger) to phase, conditions and effects as precompiled closures,
no history, no checks. The engine (Game(fast=True, record=False)) should stay within 3× of
it. Figures vary with the machine and its load; run on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.ai import choose  # noqa: E402
from game.engine import Game  # noqa: E402
from game.engine.game import whole  # noqa: E402
from game.engine.machine import _table_for, event_trigger, move_trigger  # noqa: E402
from game.engine.plan import plan_for  # noqa: E402
from game.lab.runner import make_run, simulate  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.session.catalog import DEFAULT_SCENARIO  # noqa: E402


class Floor:
    """The scenario's rules in the most direct form: indices, closures, one dict of phases."""

    def __init__(self, scenario) -> None:  # type: ignore[no-untyped-def]
        self.s, self.plan = scenario, plan_for(scenario)
        table = _table_for(scenario).table
        index = self.plan.phase_index
        self.next = {(index[p], t): index[q] for (p, t), q in table.items()}
        self.move_trigger = [m.id for m in scenario.moves]
        self.outcome_trigger = [[move_trigger(m, k) for k in range(len(m.outcomes))] for m in scenario.moves]
        self.event_trigger = [event_trigger(e.id) for e in scenario.events]

    def play(self, seed: int) -> int:
        """One random game; returns the number of moves made."""
        s, plan, rng = self.s, self.plan, random.Random(seed)
        st = _State(s)
        order, moves = s.turns.order, 0
        while True:
            for actor in order:
                legal = [m for m, i, ph, lim, cond in plan.gates[actor]
                         if (ph is None or st.phase in ph) and (lim is None or st.made[i] < lim)
                         and (cond is None or cond(st))]
                moves += 1
                if legal:
                    move = legal[rng.randrange(len(legal))]
                    st.made[move.index] += 1
                    _effects(st, plan.move_effects[move.index])
                    trigger = self.move_trigger[move.index]
                    if move.outcomes:
                        roll, total, k = rng.random(), 0.0, len(move.outcomes) - 1
                        for j, o in enumerate(move.outcomes):
                            total += o.chance
                            if roll < total:
                                k = j
                                break
                        _effects(st, plan.outcome_effects[move.index][k])
                        trigger = self.outcome_trigger[move.index][k]
                    st.enter(self.next[(st.phase, trigger)])
                    if self.ended(st):
                        return moves
            due = st.scheduled.pop(st.round, ())
            for event, i, repeat, only, at, when, chance in plan.checks:
                if st.fired[i] and not repeat:
                    continue
                if i not in due and (only or (at is not None and at != st.round) or
                                     (when is not None and not when(st)) or (chance < 1 and rng.random() >= chance)):
                    continue
                if i in due and when is not None and not when(st):
                    continue
                st.fired[i] += 1
                _effects(st, plan.event_effects[i])
                if event.to is not None:
                    st.enter(self.next[(st.phase, self.event_trigger[i])])
                if self.ended(st):
                    return moves
            st.round += 1
            if st.round > s.turns.max_rounds:
                return moves

    def ended(self, st: "_State") -> bool:
        for _, cond in self.plan.endings_in[st.phase]:
            if cond is None or cond(st):
                return True
        return False


class _State:
    def __init__(self, s) -> None:  # type: ignore[no-untyped-def]
        self.phase, self.round = s.initial_phase.index, 1
        self.ind = [whole(i.initial) for i in s.indicators]
        self.flags = [f.initial for f in s.flags]
        self.visits = [1 if p.initial else 0 for p in s.phases]
        self.made, self.fired = [0] * len(s.moves), [0] * len(s.events)
        self.scheduled: dict[int, list[int]] = {}

    def enter(self, phase: int) -> None:
        if phase != self.phase:
            self.phase = phase
            self.visits[phase] += 1


def _effects(st: _State, fx) -> None:  # type: ignore[no-untyped-def]
    ind = st.ind
    for _, i, f, low, high in fx.changes:
        value = ind[i] + f(st)
        if value.__class__ is not int:
            value = whole(value)
        ind[i] = value if low <= value <= high else whole(low if value < low else high)
    for _, i, value in fx.sets:
        st.flags[i] = value
    for event, delay in fx.schedule:
        st.scheduled.setdefault(st.round + delay, []).append(event)


def per_move(play, games: int) -> float:  # type: ignore[no-untyped-def]
    """Microseconds per move over `games` games (best of three runs)."""
    best = float("inf")
    for _ in range(3):
        moves, start = 0, time.perf_counter()
        for seed in range(games):
            moves += play(seed)
        best = min(best, (time.perf_counter() - start) / moves * 1e6)
    return best


def engine_game(scenario, fast: bool):  # type: ignore[no-untyped-def]
    def play(seed: int) -> int:
        game, rng = Game(scenario, seed, fast=fast, record=False), random.Random(seed)
        while not game.over:
            legal = game.legal_moves()
            game.play(legal[rng.randrange(len(legal))].id if legal else "hold")
        return len(game.moves)
    return play


def games_per_second(scenario, games: int, policy: str,  # type: ignore[no-untyped-def]
                     jobs: int) -> tuple[float, float]:
    start = time.perf_counter()
    simulate(make_run(scenario, games, 1, default=policy), jobs)
    wall = time.perf_counter() - start
    return games / wall, wall


def lookahead_ms(scenario, decisions: int) -> list[float]:  # type: ignore[no-untyped-def]
    times, seed = [], 0
    while len(times) < decisions:
        game = Game(scenario, seed, fast=True, record=False)
        while not game.over and len(times) < decisions:
            start = time.perf_counter()
            choice = choose(game, "lookahead")
            times.append((time.perf_counter() - start) * 1000)
            game.play(choice.move)
        seed += 1
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO))
    parser.add_argument("--games", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="fewer games, for a smoke test")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    n = 1000 if args.quick else args.games
    print(f"scenario {scenario.id} ({len(scenario.moves)} moves, {len(scenario.events)} events); "
          f"{os.cpu_count()} cores; Python {sys.version.split()[0]}")
    floor = per_move(Floor(scenario).play, 300)
    fast = per_move(engine_game(scenario, True), 300)
    slow = per_move(engine_game(scenario, False), 100)
    print(f"cost per move: floor {floor:.1f} µs, engine (fast=True) {fast:.1f} µs = {fast / floor:.2f}× the floor "
          f"(goal ≤ 3×), engine with the transitions Machine {slow:.1f} µs")
    rate1, wall1 = games_per_second(scenario, n, "random", 1)
    rate2, wall2 = games_per_second(scenario, n, "random", 2)
    print(f"random: {n} games in {wall2:.2f} s with --jobs 2 = {rate2:.0f} games/s "
          f"(goal ≥ 2000, ≤ 5 s for 10,000); --jobs 1 {rate1:.0f} games/s; speed-up {rate2 / rate1:.2f}× (goal ≥ 1.7×)")
    g = max(200, n // 5)
    grate1, _ = games_per_second(scenario, g, "greedy", 1)
    grate2, _ = games_per_second(scenario, g, "greedy", 2)
    print(f"greedy: {grate2:.0f} games/s with --jobs 2 (goal ≥ 500); --jobs 1 {grate1:.0f} games/s; "
          f"speed-up {grate2 / grate1:.2f}×")
    times = lookahead_ms(scenario, 20 if args.quick else 60)
    print(f"lookahead: {statistics.mean(times):.0f} ms per decision on average, median "
          f"{statistics.median(times):.0f} ms, slowest {max(times):.0f} ms (budget: 100 ms on the reference machine)")


if __name__ == "__main__":
    main()
