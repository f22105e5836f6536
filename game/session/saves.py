"""Versioned JSON saves, written atomically so a crash never destroys the last good one.

A save stores data only — the scenario's id and content hash, the seed, the roles and
the moves made — and loading replays the moves. Nothing is pickled.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs

from game.errors import SaveError

SAVE_FORMAT = "parley-save"
SAVE_VERSION = 1
MIN_COMPATIBLE_VERSION = 1
MAX_SAVE_BYTES = 4 * 1024 * 1024


def data_dir() -> Path:
    """Where Parley keeps its autosave and logs (PARLEY_DATA_DIR overrides it)."""
    override = os.environ.get("PARLEY_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("parley", appauthor=False))


def autosave_path() -> Path:
    return data_dir() / "autosave.json"


def write_save(path: Path | str, data: dict[str, Any]) -> Path:
    """Write `data` as JSON through a temporary file and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": SAVE_FORMAT, "version": SAVE_VERSION, "min_version": MIN_COMPATIBLE_VERSION,
               "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **data}
    fd, tmp = tempfile.mkstemp(prefix=".parley-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def read_save(path: Path | str) -> dict[str, Any]:
    """Read and check a save; raise SaveError with a plain message if it cannot be used."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: this file is too large to be a Parley save")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except IsADirectoryError:
        raise SaveError(f"{path}: this is a directory, not a save file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"{path}: cannot read this save ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SaveError(f"{path}:{exc.lineno}:{exc.colno}: this save is damaged (not valid JSON); "
                        "it cannot be loaded") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path}: this is not a Parley save")
    version = data.get("version")
    if not isinstance(version, int) or data.get("min_version", version) > SAVE_VERSION:
        raise SaveError(f"{path}: this save was made by a newer Parley (save version {version}); "
                        "update Parley to load it")
    problems = _check_fields(data)
    if problems:
        raise SaveError(f"{path}: this save is damaged: {problems}")
    return data


def _check_fields(data: dict[str, Any]) -> str:
    scenario = data.get("scenario")
    if not isinstance(scenario, dict) or not isinstance(scenario.get("id"), str) \
            or not isinstance(scenario.get("hash"), str):
        return "it does not say which scenario it belongs to"
    if not isinstance(data.get("seed"), int) or isinstance(data.get("seed"), bool):
        return "its seed is missing"
    roles = data.get("roles")
    if not isinstance(roles, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items()):
        return "its roles are missing"
    moves = data.get("moves")
    if not isinstance(moves, list) or not all(isinstance(m, str) for m in moves):
        return "its list of moves is missing"
    return ""
