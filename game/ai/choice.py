"""What a policy returns: the move it chose and why, in words a player understands."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from game.engine import Game


@dataclass(frozen=True, slots=True)
class Choice:
    move: str
    reason: str


Policy = Callable[[Game, str, random.Random], Choice]
