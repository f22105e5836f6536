"""`simulate --check`: the scenario's own balance expectations, checked by simulation.

Each expectation says an ending's share of games under a policy must lie within
[low, high]. An expectation fails when the observed share (for the given number of games
and seed, so the verdict is reproducible) lies outside; the message gives the share, its
95 % confidence interval and the command that reproduces the run, at the expectation's
line and column in the scenario file.
"""

from __future__ import annotations

from typing import Callable

from game.ai import resolve
from game.errors import Problem
from game.lab.report import wilson
from game.lab.runner import make_run, simulate
from game.lab.tally import Tally
from game.scenario.model import Expectation, Scenario


def check_balance(scenario: Scenario, games: int, seed: int, jobs: int | None = None,
                  progress: Callable[[str], Callable[[int], None] | None] | None = None) -> list[Problem]:
    """One problem per expectation that does not hold (one simulation per policy named)."""
    problems: list[Problem] = []
    runs: dict[str, Tally] = {}
    for expectation in scenario.balance:
        try:
            policy = resolve(expectation.policy)
        except KeyError as exc:
            problems.append(_problem(scenario, expectation, str(exc.args[0]),
                                     "use random, stance, greedy, lookahead, easy, normal or hard"))
            continue
        if policy not in runs:
            report = progress(policy) if progress else None
            runs[policy] = simulate(make_run(scenario, games, seed, default=policy), jobs, report)
        failure = _verdict(expectation, runs[policy], policy)
        if failure:
            hint = (f"reproduce with: python main.py simulate {scenario.path} --games {games} --seed {seed} "
                    f"--policy all={policy}; change the scenario, or the expectation if the new balance "
                    "is intended")
            problems.append(_problem(scenario, expectation, failure, hint))
    return problems


def _verdict(expectation: Expectation, tally: Tally, policy: str) -> str:
    n = tally.games
    hits = tally.endings.get(expectation.ending, 0)
    share = hits / n if n else 0.0
    if expectation.low <= share <= expectation.high:
        return ""
    low, high = wilson(hits, n)
    return (f"the ending '{expectation.ending}' was reached in {share:.1%} of {n} games under {policy} play "
            f"(95% CI {low:.1%}–{high:.1%}); expected between {expectation.low:.0%} and {expectation.high:.0%}")


def _problem(scenario: Scenario, expectation: Expectation, message: str, hint: str) -> Problem:
    line, col = expectation.where
    return Problem(scenario.path, line, col, "balance", message, hint)
