"""Playing many seeded games with computer-run actors, on every core, reproducibly.

Game `i` of a run with seed `S` always gets the same seed (`game_seed`), whatever the
number of processes. Games are grouped into chunks whose size depends only on the number
of games; each chunk is tallied on its own and the tallies are merged in chunk order, so a
run gives identical results with `--jobs 1` or `--jobs 8`.

Simulated games use the compiled transition table and keep no history (`fast=True,
record=False`), and each game gives its policies one generator seeded from the game's
seed (instead of one per decision as in play), which is as deterministic and cheaper.
"""

from __future__ import annotations

import multiprocessing
import os
import random
from dataclasses import dataclass
from typing import Callable, Iterator

from game.ai import resolve
from game.ai.policy import DECIDERS
from game.engine import Game
from game.lab.tally import Tally
from game.scenario.model import Scenario

Decider = Callable[[Game, str, random.Random], str]
MASK = (1 << 64) - 1


def game_seed(seed: int, index: int) -> int:
    """A well-mixed seed for game `index` of a run (SplitMix64 of seed and index)."""
    z = (seed * 0x9E3779B97F4A7C15 + (index + 1) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return (z ^ (z >> 31)) >> 1


def chunk_size(games: int) -> int:
    """Games per chunk: a function of the number of games only (never of the jobs)."""
    return max(25, min(2000, games // 32 or 1))


@dataclass(frozen=True)
class Run:
    """One simulation: which scenario, who plays each role how, how many games, which seed."""

    scenario: Scenario
    policies: dict[str, str]  # role -> policy name (difficulties resolved)
    games: int
    seed: int

    def chunks(self) -> list[tuple[int, int]]:
        size = chunk_size(self.games)
        return [(start, min(start + size, self.games)) for start in range(0, self.games, size)]


def play_game(scenario: Scenario, deciders: dict[str, Decider], seed: int, tally: Tally) -> Game:
    """Play one game to its end and add it to `tally`."""
    game = Game(scenario, seed, fast=True, record=False)
    rng = random.Random(seed ^ 0x5EED5EED)
    holds = dict.fromkeys(scenario.turns.order, 0)
    snapshots = [list(game.state.ind)]
    state = game.state
    while state.ending is None:
        actor = scenario.turns.order[state.turn]
        move = deciders[actor](game, actor, rng)
        if move == "hold":
            holds[actor] += 1
        game.play(move)
        if state.round > len(snapshots) and state.ending is None:
            snapshots.append(list(state.ind))  # the round that just ended
    final = list(state.ind)
    snapshots.extend([final] * (scenario.turns.max_rounds + 1 - len(snapshots)))
    tally.add(game, holds, snapshots)
    return game


def run_chunk(run: Run, start: int, stop: int) -> Tally:
    deciders = {role: DECIDERS[name] for role, name in run.policies.items()}
    tally = Tally.empty(run.scenario)
    for index in range(start, stop):
        play_game(run.scenario, deciders, game_seed(run.seed, index), tally)
    return tally


_CURRENT: Run | None = None  # the run a forked worker inherits


def _work(bounds: tuple[int, int]) -> tuple[int, Tally]:
    assert _CURRENT is not None
    return bounds[1] - bounds[0], run_chunk(_CURRENT, *bounds)


def tallies(run: Run, jobs: int) -> Iterator[tuple[int, Tally]]:
    """(games done, tally) per chunk, in chunk order; on `jobs` processes when > 1."""
    global _CURRENT
    chunks = run.chunks()
    if jobs <= 1 or len(chunks) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for start, stop in chunks:
            yield stop - start, run_chunk(run, start, stop)
        return
    _CURRENT = run  # forked workers inherit the compiled scenario: nothing to pickle or reload
    pool = multiprocessing.get_context("fork").Pool(min(jobs, len(chunks)))
    try:
        yield from pool.imap(_work, chunks)
        pool.close()  # every chunk is back: let the workers finish and exit on their own
        pool.join()
    finally:
        pool.terminate()
        _CURRENT = None


def simulate(run: Run, jobs: int | None = None, progress: Callable[[int], None] | None = None) -> Tally:
    """Play every game of `run` and return their merged tally."""
    total = Tally.empty(run.scenario)
    for done, tally in tallies(run, jobs or os.cpu_count() or 1):
        total.merge(tally)
        if progress is not None:
            progress(done)
    return total


def make_run(scenario: Scenario, games: int, seed: int, policies: dict[str, str] | None = None,
             default: str = "greedy") -> Run:
    """A run where `policies` (role -> policy or difficulty) override `default` for all roles."""
    chosen = {role: resolve(default) for role in scenario.turns.order}
    for role, name in (policies or {}).items():
        chosen[role] = resolve(name)
    return Run(scenario, chosen, games, seed)
