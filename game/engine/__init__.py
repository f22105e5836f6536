"""The rules engine: pure game logic, no screen, no YAML (never imports pygame)."""

from game.engine.game import HOLD, Game, GameState, IllegalMove, MoveStatus, replay
from game.engine.history import Change, Record

__all__ = ["HOLD", "Change", "Game", "GameState", "IllegalMove", "MoveStatus", "Record", "replay"]
