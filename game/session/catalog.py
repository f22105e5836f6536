"""Finding scenarios: the bundled ones, and the one a save belongs to."""

from __future__ import annotations

from pathlib import Path

from game.errors import SaveError
from game.scenario import Scenario, check_file

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "scenarios"
DEFAULT_SCENARIO = BUNDLED_DIR / "peru_mexico_2025.yaml"


def bundled_scenarios() -> list[Path]:
    return sorted(BUNDLED_DIR.glob("*.yaml"))


def scenario_for_save(data: dict, hint_dirs: list[Path] | None = None) -> Scenario:
    """The scenario a save was made with, refused with a clear message if it has changed."""
    wanted = data["scenario"]
    candidates: list[Path] = []
    if isinstance(wanted.get("path"), str):
        candidates.append(Path(wanted["path"]))
    for folder in (hint_dirs or []) + [BUNDLED_DIR]:
        candidates.extend(sorted(Path(folder).glob("*.yaml")))
    found_other_version = False
    for path in candidates:
        if not path.is_file():
            continue
        scenario, _ = check_file(str(path))
        if scenario is None or scenario.id != wanted["id"]:
            continue
        if scenario.content_hash == wanted["hash"]:
            return scenario
        found_other_version = True
    if found_other_version:
        raise SaveError(f"this save belongs to another version of the scenario '{wanted['id']}': the scenario "
                        "file has changed since the game was saved, so its moves cannot be replayed faithfully. "
                        "Start a new game, or restore the scenario file the save was made with.")
    raise SaveError(f"the scenario '{wanted['id']}' this save belongs to was not found")
