"""`parley screenshot`: render one screen headless (SDL dummy driver) to a PNG.

The picture is deterministic: fixed seed, fixed size, animations already finished."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SCREENS = ("title", "setup", "briefing", "play", "ending", "debrief")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, help="the PNG file to write")
    parser.add_argument("--scenario", help="scenario file (default: the bundled Peru–Mexico crisis)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--moves", default="", help="moves to make first, comma-separated (e.g. request,hold)")
    parser.add_argument("--screen", choices=SCREENS, default="play")
    parser.add_argument("--size", default="1280x720", help="window size WxH (default 1280x720)")
    parser.add_argument("--projector", action="store_true", help="projector mode: larger text, high contrast")
    parser.add_argument("--colour-blind", action="store_true", help="the colour-blind-safe palette")
    parser.add_argument("--text-size", choices=("small", "normal", "large", "huge"), default="normal")


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def prepare(args: argparse.Namespace):
    """The scenario and session the screen shows (None when the screen needs neither)."""
    from game.ai import choose
    from game.engine import IllegalMove
    from game.session import Session
    from game.session.catalog import DEFAULT_SCENARIO
    from game.ui import flow

    path = args.scenario or str(DEFAULT_SCENARIO)
    scenario, why = flow.load_scenario(path)
    if scenario is None:
        raise ValueError(f"{path} cannot be played: {why}")
    moves = [m.strip() for m in args.moves.split(",") if m.strip()]
    roles = {a: "random" for a in scenario.turns.order}
    session = Session(scenario, args.seed, roles, autosave=None)
    for move in moves:
        try:
            session.game.play(move)
        except IllegalMove as exc:
            raise ValueError(f"move '{move}' is not legal there: {exc}") from None
    if args.screen in ("ending", "debrief"):
        while not session.game.over:
            session.game.play(choose(session.game, "random").move, reason="chosen at random")
    current = session.game.current_actor
    if args.screen in ("play", "briefing"):
        human = current if current in scenario.playable else (scenario.playable[0] if scenario.playable else None)
        if human is not None:
            session.roles[human] = "human"
    elif scenario.playable:
        session.roles[scenario.playable[0]] = "human"
    return scenario, session


def build_screen(args: argparse.Namespace):
    from game.ui.screens.briefing import BriefingScreen
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.play import PlayScreen
    from game.ui.screens.setup import SetupScreen
    from game.ui.screens.title import TitleScreen

    if args.screen == "title":
        return TitleScreen([Path(args.scenario)] if args.scenario else None)
    scenario, session = prepare(args)
    if args.screen == "setup":
        return SetupScreen(scenario, seed=args.seed)
    if args.screen == "briefing":
        return BriefingScreen(session, session.humans or list(scenario.playable[:1]), revealed=True)
    if args.screen == "play":
        return PlayScreen(session, briefed=session.game.current_actor)
    if args.screen == "ending":
        return EndingScreen(session)
    return DebriefScreen(session)


def render(args: argparse.Namespace, settings=None) -> Path:
    """Render the screen to args.out; returns the path written."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    import pygame

    from game.ui.app import App
    from game.ui.settings import Settings

    if settings is None:  # the screenshot's own options, never the player's saved settings
        settings = Settings(text_size=getattr(args, "text_size", "normal"),
                            projector=getattr(args, "projector", False),
                            colour_blind=getattr(args, "colour_blind", False))
    app = App(size=parse_size(args.size), settings=settings, still=True)
    app.show(build_screen(args))
    app.manager.update(0.0)
    app.draw()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.window, str(out))
    return out


def cmd_screenshot(args: argparse.Namespace) -> int:
    try:
        size = parse_size(args.size)
        if min(size) < 200:
            raise ValueError
    except ValueError:
        print(f"error: --size {args.size}: expected WIDTHxHEIGHT, e.g. 1280x720", file=sys.stderr)
        return 2
    try:
        out = render(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0
