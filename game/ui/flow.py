"""Which screen comes next: scenario → setup → briefings → play → ending → debrief.

Also the few things several screens need: the scenario cache, the difficulty names and
the loading of saves, so that screens stay small."""

from __future__ import annotations

import argparse
import random
import threading
from datetime import datetime
from pathlib import Path

from game.errors import SaveError
from game.scenario import Scenario, check_file
from game.session import Session, autosave_path, read_save
from game.session.saves import data_dir

_cache: dict[str, tuple[Scenario | None, str]] = {}
_lock = threading.Lock()


def load_scenario(path: Path | str) -> tuple[Scenario | None, str]:
    """The scenario at `path` (cached) and, if it cannot be played, why in one line."""
    key = str(Path(path).resolve())
    with _lock:
        if key in _cache:
            return _cache[key]
    scenario, problems = check_file(str(path))
    errors = [p for p in problems if p.is_error]
    why = ""
    if scenario is None:
        first = errors[0].format().splitlines()[0] if errors else "it could not be read"
        why = f"{len(errors)} problem(s) — check it with: python main.py validate {path}\n{first}"
    with _lock:
        _cache[key] = (scenario, why)
    return scenario, why


def difficulties() -> list[tuple[str, str]]:
    """(label, policy name) pairs for computer-run roles, easiest first."""
    import game.ai as ai
    table = getattr(ai, "DIFFICULTIES", None)
    if isinstance(table, dict) and table:
        return [(str(k).capitalize(), str(v)) for k, v in table.items()]
    return [(name.capitalize(), name) for name in ai.policy_names()]


def default_difficulty() -> str:
    options = difficulties()
    for label, policy in options:
        if label.lower() == "normal":
            return policy
    return options[len(options) // 2][1]


def new_seed() -> int:
    return random.randrange(1, 1_000_000)


def saves_dir() -> Path:
    return data_dir() / "saves"


def save_name(session: Session) -> Path:
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    return saves_dir() / f"{session.scenario.id}_{stamp}.json"


def list_saves() -> list[Path]:
    """Saved games, newest first, the autosave included."""
    found = sorted(saves_dir().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) \
        if saves_dir().is_dir() else []
    auto = autosave_path()
    return ([auto] if auto.is_file() else []) + found


def open_save(path: Path) -> Session:
    """A session rebuilt from a save file; raises SaveError with a plain message."""
    from game.session.catalog import scenario_for_save
    data = read_save(path)
    return Session.from_save(data, scenario_for_save(data))


def after_setup(session: Session):
    """Briefings for the human roles (if any), then the game."""
    from game.ui.screens.briefing import BriefingScreen
    from game.ui.screens.play import PlayScreen
    if session.game.history or not session.humans:
        return PlayScreen(session)
    return BriefingScreen(session, list(session.humans))


def play_again(app, session: Session) -> None:
    """The same crisis, seed and roles from the start (ending and debrief screens)."""
    app.show(after_setup(session.restart()))


def to_title(app) -> None:
    from game.ui.screens.title import TitleScreen
    app.show(TitleScreen())


def from_args(args: argparse.Namespace):
    """The first screen for `python main.py play ...` options."""
    from game.ui.screens.setup import SetupScreen
    from game.ui.screens.title import TitleScreen
    from game.session.catalog import DEFAULT_SCENARIO
    if getattr(args, "load", None) or getattr(args, "resume", False):
        source = Path(args.load) if args.load else autosave_path()
        try:
            return after_setup(open_save(source))
        except SaveError as exc:
            return TitleScreen(message=f"Could not load {source}: {exc}")
    if getattr(args, "scenario", None) or getattr(args, "human", None) is not None:
        path = args.scenario or str(DEFAULT_SCENARIO)
        scenario, why = load_scenario(path)
        if scenario is None:
            return TitleScreen(message=f"{path} cannot be played: {why}")
        if args.human is not None:
            humans = _humans(args.human, scenario)
            roles = {a: "human" if a in humans else default_difficulty() for a in scenario.turns.order}
            seed = args.seed if args.seed is not None else new_seed()
            return after_setup(Session(scenario, seed, roles))
        return SetupScreen(scenario, seed=args.seed)
    return TitleScreen()


def _humans(names: list[str], scenario: Scenario) -> list[str]:
    lowered = [n.lower() for n in names]
    if lowered == ["none"]:
        return []
    if lowered == ["all"]:
        return list(scenario.playable)
    return [n for n in names if n in scenario.playable]
