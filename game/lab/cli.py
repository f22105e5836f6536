"""`parley simulate`: many seeded games with computer-run actors, and what they tell an author."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Callable, TextIO

from game.ai import DIFFICULTIES, policy_names, resolve

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    names = ", ".join(policy_names() + list(DIFFICULTIES))
    parser.add_argument("scenario", nargs="?", help="scenario file (default: the bundled Peru–Mexico crisis)")
    parser.add_argument("--games", type=int, default=1000, metavar="N", help="games to play (default 1000)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="seed of the run (default 1)")
    parser.add_argument("--policy", action="append", default=[], metavar="ROLE=POLICY",
                        help=f"how a role plays ({names}); ROLE 'all' sets every role (default: greedy)")
    parser.add_argument("--jobs", type=int, default=None, metavar="J", help="processes (default: all cores)")
    parser.add_argument("--json", metavar="OUT", help="write the report as JSON")
    parser.add_argument("--plot", metavar="OUT.png", help="draw the report as a PNG chart")
    parser.add_argument("--check", action="store_true",
                        help="check the scenario's balance expectations; exit 1 if one fails")
    parser.add_argument("--tournament", action="store_true",
                        help="for each playable role, compare random, greedy and lookahead against the same "
                             "opponents, all greedy then all random (--games per pairing)")


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.lab.runner import make_run, simulate

    scenario = _load(args.scenario)
    if scenario is None:
        return EXIT_PROBLEMS
    if args.games < 1 or (args.jobs is not None and args.jobs < 1):
        print("error: --games and --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    policies = _policies(args.policy, scenario.turns.order)
    if policies is None:
        return EXIT_USAGE
    if args.tournament:
        from game.lab.tournament import run_tournament, table

        bars = _progress_factory()
        print(table(run_tournament(scenario, args.games, args.seed, args.jobs,
                                   lambda label: bars(args.games, label))))
        return EXIT_OK
    if args.check:
        status = _check(scenario, args)
        if not (args.json or args.plot):
            return status
    else:
        status = EXIT_OK
    default = policies.pop("all", "greedy")
    run = make_run(scenario, args.games, args.seed, policies, default=default)
    tally = simulate(run, args.jobs, _progress_factory()(args.games, "games"))
    _output(run, tally, args)
    return status


def _output(run, tally, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    from game.lab.report import summary, text

    data = summary(run, tally)
    if not args.check:
        print(text(run, data))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, ensure_ascii=False)
    if args.plot:
        from game.ui.balance_chart import draw_chart  # the ui package is the one that draws with pygame

        draw_chart(data, run.scenario.title, args.plot)
        print(f"chart written to {args.plot}", file=sys.stderr)


def _check(scenario, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from game.lab.check import check_balance

    if not scenario.balance:
        print(f"{scenario.path}: no balance expectations to check (add a 'balance' section)", file=sys.stderr)
        return EXIT_OK
    factory = _progress_factory()
    problems = check_balance(scenario, args.games, args.seed, args.jobs,
                             lambda policy: factory(args.games, f"games, {policy} play"))
    for problem in problems:
        print(problem.format())
    print(f"{len(scenario.balance)} balance expectation(s) checked over {args.games} games: "
          f"{len(problems)} failed", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _load(path: str | None):  # type: ignore[no-untyped-def]
    from game.scenario import check_file
    from game.session.catalog import DEFAULT_SCENARIO

    path = path or str(DEFAULT_SCENARIO)
    scenario, problems = check_file(path)
    for problem in problems:
        if problem.is_error:
            print(problem.format(), file=sys.stderr)
    if scenario is None:
        print(f"error: {path} cannot be simulated; fix the problems above", file=sys.stderr)
    return scenario


def _policies(items: list[str], roles: tuple[str, ...]) -> dict[str, str] | None:
    """ROLE=POLICY pairs (difficulty names allowed; ROLE 'all' for every role)."""
    out: dict[str, str] = {}
    for item in items:
        role, _, name = item.partition("=")
        try:
            policy = resolve(name)
        except KeyError as exc:
            print(f"error: --policy {item}: {exc.args[0]}", file=sys.stderr)
            return None
        if role != "all" and role not in roles:
            print(f"error: --policy {item}: '{role}' takes no turns; roles: all, {', '.join(roles)}",
                  file=sys.stderr)
            return None
        out[role] = policy
    return out


class Progress:
    """A progress bar on a terminal once a run has taken more than a moment; silent otherwise."""

    def __init__(self, total: int, label: str, stream: TextIO, delay: float = 0.5) -> None:
        self.total, self.label, self.stream, self.delay = total, label, stream, delay
        self.done, self.start, self.shown = 0, time.monotonic(), False

    def __call__(self, games: int) -> None:
        self.done += games
        elapsed = time.monotonic() - self.start
        if elapsed < self.delay and not self.shown:
            return
        self.shown = True
        filled = int(30 * self.done / max(1, self.total))
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} "
                          f"{self.label} {elapsed:5.1f} s")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def _progress_factory() -> Callable[[int, str], Callable[[int], None] | None]:
    """Progress bars for runs of a known number of games, only when stderr is a terminal."""
    tty = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"

    def make(total: int, label: str) -> Callable[[int], None] | None:
        return Progress(total, label, sys.stderr) if tty else None
    return make
