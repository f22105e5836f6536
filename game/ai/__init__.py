"""Computer-run actors: policies that choose a move from the game state, with a reason."""

from game.ai.policy import POLICIES, Choice, Policy, choose, policy_names

__all__ = ["POLICIES", "Choice", "Policy", "choose", "policy_names"]
