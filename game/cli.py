"""Command line: `parley play`, `parley validate`, ... Wires the layers together."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from game.errors import Problem, SaveError
from game.scenario import check_file

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parley", description="Parley: diplomatic-crisis simulation game.")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play a scenario (the window, or --text for the terminal)")
    play.add_argument("scenario", nargs="?", help="scenario file (default: the bundled Peru–Mexico crisis)")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--seed", type=int, help="random seed (default: a random one, printed)")
    play.add_argument("--human", action="append", metavar="ROLE",
                      help="a role played by a person (repeat for hot-seat; 'none' or 'all')")
    play.add_argument("--ai", action="append", default=[], metavar="ROLE=POLICY",
                      help="how a computer-run role plays: easy, normal (default) or hard, or a policy "
                           "(random, stance, greedy, lookahead)")
    play.add_argument("--load", metavar="SAVE", help="continue a saved game")
    play.add_argument("--continue", dest="resume", action="store_true", help="continue from the autosave")

    validate = sub.add_parser("validate", help="check scenario files and report every problem")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--run-tests", action="store_true", help="also run the playthroughs each file embeds")

    report = sub.add_parser("report", help="write a session report (timeline, results, debrief) for a class")
    report.add_argument("save", nargs="?", help="a save file (default: the autosave)")
    report.add_argument("--out", metavar="FILE", help="write the Markdown here (default: print it)")

    simulate = sub.add_parser("simulate", help="play many games with computer-run actors and report the balance")
    from game.lab.cli import add_arguments as add_simulate_arguments
    add_simulate_arguments(simulate)

    shot = sub.add_parser("screenshot", help="render one screen headless to a PNG")
    from game.ui.screenshot import add_arguments as add_screenshot_arguments
    add_screenshot_arguments(shot)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "simulate":
            from game.lab.cli import cmd_simulate
            return cmd_simulate(args)
        if args.command == "screenshot":
            from game.ui.screenshot import cmd_screenshot
            return cmd_screenshot(args)
        if args.command in ("play", None):
            if args.command is None:
                args = parser.parse_args(["play"] + (argv or []))
            return cmd_play(args, parser)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    parser.print_help()
    return EXIT_USAGE


# -- validate ---------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    from game.engine.playthroughs import check_playthroughs

    report: list[Problem] = []
    for path in args.paths:
        scenario, problems = check_file(path)
        if scenario is not None and args.run_tests:
            problems = problems + check_playthroughs(scenario)
        report.extend(problems)
    errors = sum(p.is_error for p in report)
    if args.format == "json":
        json.dump({"files": len(args.paths), "errors": errors, "warnings": len(report) - errors,
                   "problems": [p.as_dict() for p in report]}, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        for problem in report:
            print(problem.format())
        if report or len(args.paths) > 1:
            print(f"{len(args.paths)} file(s) checked: {errors} error(s), {len(report) - errors} warning(s)",
                  file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


# -- report ---------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace) -> int:
    from game.session import Session, autosave_path, read_save
    from game.session.catalog import scenario_for_save
    from game.session.report import session_report

    source = Path(args.save) if args.save else autosave_path()
    try:
        data = read_save(source)
        session = Session.from_save(data, scenario_for_save(data), autosave=None)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    text = session_report(session)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Report written to {args.out}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


# -- play -------------------------------------------------------------------------------------
def cmd_play(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from game.session import Session, autosave_path, read_save
    from game.session.catalog import DEFAULT_SCENARIO, scenario_for_save

    if not args.text:
        from game.ui import display_available
        if display_available():
            from game.ui.app import run_app  # imports pygame only now; the window asks for role and seed
            return run_app(args)
        print("No graphical display was found (DISPLAY and WAYLAND_DISPLAY are not set), so Parley plays in "
              "the terminal. Use 'python main.py play --text' to choose this directly.", file=sys.stderr)
        args.text = True
    if args.load or args.resume:
        source = Path(args.load) if args.load else autosave_path()
        try:
            data = read_save(source)
            session = Session.from_save(data, scenario_for_save(data))
        except SaveError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"Continuing the game saved in {source}.")
    else:
        scenario = _load_for_play(args.scenario or str(DEFAULT_SCENARIO))
        if scenario is None:
            return EXIT_PROBLEMS
        roles = _roles(args, scenario, parser)
        if roles is None:
            return EXIT_USAGE
        seed = args.seed if args.seed is not None else random.randrange(1, 1_000_000)
        if args.seed is None:
            print(f"Seed {seed} (replay this game with --seed {seed})")
        session = Session(scenario, seed, roles)
    from game.terminal import Terminal

    return Terminal(session).run()


def _load_for_play(path: str):
    scenario, problems = check_file(path)
    for problem in problems:
        if problem.is_error:
            print(problem.format(), file=sys.stderr)
    if scenario is None:
        print(f"error: {path} cannot be played; fix the problems above "
              f"(check it with: python main.py validate {path})", file=sys.stderr)
    return scenario


def _roles(args: argparse.Namespace, scenario, parser: argparse.ArgumentParser) -> dict[str, str] | None:
    playable = list(scenario.playable)
    humans: list[str]
    level = "normal"
    if args.human is None:
        humans = _ask_role(scenario)
        if humans and not args.ai:
            level = _ask_level()
    elif [h.lower() for h in args.human] == ["none"]:
        humans = []
    elif [h.lower() for h in args.human] == ["all"]:
        humans = playable
    else:
        humans = []
        for name in args.human:
            if name not in playable:
                print(f"error: '{name}' is not a playable role; choose from: {', '.join(playable)}",
                      file=sys.stderr)
                return None
            humans.append(name)
    from game.ai import DIFFICULTIES, policy_names, resolve

    # computer-run roles play at the "normal" difficulty unless the player or --ai says otherwise
    roles = {actor: "human" if actor in humans else level for actor in scenario.turns.order}
    for item in args.ai:
        role, _, policy = item.partition("=")
        try:
            resolve(policy)
        except KeyError:
            policy = ""
        if role not in scenario.turns.order or not policy:
            print(f"error: --ai {item}: expected ROLE=POLICY with ROLE one of {', '.join(scenario.turns.order)} "
                  f"and POLICY a difficulty ({', '.join(DIFFICULTIES)}) or a policy ({', '.join(policy_names())})",
                  file=sys.stderr)
            return None
        roles[role] = policy.strip().lower()
    return roles


def _ask_role(scenario) -> list[str]:
    playable = list(scenario.playable)
    print(f"Which role will you play in '{scenario.title}'?")
    for number, actor_id in enumerate(playable, start=1):
        print(f"  {number}. {scenario.actors[actor_id].name}")
    print("  0. None: watch the computer play every role")
    answer = _ask_number(0, len(playable), default=None)
    return [] if not answer else [playable[answer - 1]]


def _ask_level() -> str:
    levels = ["easy", "normal", "hard"]
    print("How well should the computer play the other roles?\n  1. Easy: a personality, with some noise\n"
          "  2. Normal: the best result one move ahead (press Enter)\n  3. Hard: plays the game out before choosing")
    return levels[(_ask_number(1, 3, default=2) or 2) - 1]


def _ask_number(low: int, high: int, default: int | None) -> int | None:
    """A number typed at the prompt (piped input is echoed); None at the end of input."""
    while True:
        sys.stdout.write("> ")
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            return default
        line = line.strip()
        if not sys.stdin.isatty():
            print(line)
        if not line and default is not None:
            return default
        if line.isdigit() and low <= int(line) <= high:
            return int(line)
        print(f"Type a number from {low} to {high}.")
