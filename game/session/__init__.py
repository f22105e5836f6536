"""Sessions: who plays which role, the turn loop, saves and the autosave."""

from game.session.saves import SAVE_VERSION, autosave_path, read_save, write_save
from game.session.session import Session

__all__ = ["SAVE_VERSION", "Session", "autosave_path", "read_save", "write_save"]
