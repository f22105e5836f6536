"""Computer-run actors: policies that choose a move from the game state, with a reason."""

from game.ai.choice import Choice, Policy
from game.ai.policy import DIFFICULTIES, POLICIES, choose, policy_names, resolve, turn_rng

__all__ = ["DIFFICULTIES", "POLICIES", "Choice", "Policy", "choose", "policy_names", "resolve", "turn_rng"]
