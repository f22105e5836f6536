"""Proving the computer players' strength: for each playable role, the same opponents, the
same seeded games, and only that role's policy changing (random, greedy, lookahead).

A policy is stronger for a role when the role's average score is higher over the same
games. The table gives each mean with its 95 % interval and the difference between
neighbouring policies with a z-score (difference over its standard error).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from game.lab.report import Z95
from game.lab.runner import make_run, simulate
from game.scenario.model import Scenario

LADDER = ("random", "greedy", "lookahead")


@dataclass(frozen=True)
class Entry:
    role: str
    policy: str
    opponents: str
    games: int
    mean: float
    se: float  # standard error of the mean


def run_tournament(scenario: Scenario, games: int, seed: int, jobs: int | None = None,
                   progress: Callable[[str], Callable[[int], None] | None] | None = None,
                   opponents: tuple[str, ...] = ("greedy", "random")) -> list[Entry]:
    """Every playable role × every policy on the ladder × every kind of opponent."""
    entries = []
    for against in opponents:
        for role in (r for r in scenario.playable if r in scenario.turns.order):
            for policy in LADDER:
                run = make_run(scenario, games, seed, {role: policy}, default=against)
                report = progress(f"games, {role}={policy} vs {against}") if progress else None
                tally = simulate(run, jobs, report)
                n = tally.games
                mean = tally.score_sum[role] / n
                var = max(0.0, tally.score_sq[role] / n - mean * mean) * n / max(1, n - 1)
                entries.append(Entry(role, policy, against, n, mean, math.sqrt(var / n)))
    return entries


def ordered(entries: list[Entry]) -> dict[tuple[str, str], bool]:
    """(role, opponents) -> does lookahead beat greedy and greedy beat random?"""
    out = {}
    for key in {(e.role, e.opponents) for e in entries}:
        means = {e.policy: e.mean for e in entries if (e.role, e.opponents) == key}
        out[key] = means["lookahead"] > means["greedy"] > means["random"]
    return out


def table(entries: list[Entry]) -> str:
    """A Markdown table: one row per role and opponents."""
    lines = ["| role | opponents | random | greedy | lookahead | greedy − random (z) | lookahead − greedy (z) "
             "| order holds |", "|---|---|---|---|---|---|---|---|"]
    verdict = ordered(entries)
    keys = list(dict.fromkeys((e.role, e.opponents) for e in entries))
    for role, against in keys:
        row = {e.policy: e for e in entries if (e.role, e.opponents) == (role, against)}
        cells = [f"{row[p].mean:+.1f} ± {Z95 * row[p].se:.1f}" for p in LADDER]
        diffs = [_diff(row["greedy"], row["random"]), _diff(row["lookahead"], row["greedy"])]
        lines.append(f"| {role} | all {against} | " + " | ".join(cells + diffs)
                     + f" | {'yes' if verdict[(role, against)] else 'NO'} |")
    games = entries[0].games if entries else 0
    lines.append(f"\n{games} seeded games per cell; the same seeds in every cell; ± is the 95% interval.")
    return "\n".join(lines)


def _diff(better: Entry, worse: Entry) -> str:
    d = better.mean - worse.mean
    se = math.hypot(better.se, worse.se)
    return f"{d:+.1f} ({d / se:.0f})" if se else f"{d:+.1f} (exact)"
