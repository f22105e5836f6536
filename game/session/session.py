"""A session: one game plus who plays each role, the computer's turns, undo and autosave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.ai import choose
from game.engine import Game, IllegalMove, Record
from game.errors import SaveError
from game.scenario import Scenario
from game.session.saves import autosave_path, write_save

HUMAN = "human"


class Session:
    """Runs a game for people and computer-run actors. Roles map actor id -> 'human' or a
    policy name. After every move the session is autosaved (unless `autosave` is None)."""

    def __init__(self, scenario: Scenario, seed: int, roles: dict[str, str],
                 autosave: Path | None | bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.roles = {actor: roles.get(actor, "random") for actor in scenario.turns.order}
        self.autosave_to: Path | None = autosave_path() if autosave is True else (autosave or None)
        self.game = Game(scenario, seed)

    # -- who plays ---------------------------------------------------------------------------
    @property
    def humans(self) -> list[str]:
        return [a for a, role in self.roles.items() if role == HUMAN]

    @property
    def human_turn(self) -> bool:
        actor = self.game.current_actor
        return actor is not None and self.roles.get(actor) == HUMAN

    @property
    def computer_turn(self) -> bool:
        return not self.game.over and not self.human_turn

    # -- moves -------------------------------------------------------------------------------
    def play(self, move_id: str) -> list[Record]:
        """A person's move for the actor whose turn it is."""
        if not self.human_turn:
            raise IllegalMove("it is not a human player's turn")
        records = self.game.play(move_id)
        self.autosave()
        return records

    def computer_move(self) -> list[Record]:
        """Let the computer-run actor whose turn it is choose and make its move."""
        if not self.computer_turn:
            raise IllegalMove("it is not a computer-run actor's turn")
        choice = choose(self.game, self.roles[self.game.current_actor])
        records = self.game.play(choice.move, reason=choice.reason)
        self.autosave()
        return records

    def run_computers(self, limit: int = 10_000) -> list[Record]:
        """Computer turns until a person must act or the game ends."""
        records: list[Record] = []
        while self.computer_turn and limit > 0:
            records += self.computer_move()
            limit -= 1
        return records

    def can_undo(self) -> bool:
        return any(self._human_plies())

    def _human_plies(self) -> list[int]:
        order = self.scenario.turns.order
        return [i for i, _ in enumerate(self.game.moves) if self.roles[order[i % len(order)]] == HUMAN]

    def undo(self) -> bool:
        """Take back the last human move and every computer move after it (a replay)."""
        plies = self._human_plies()
        if not plies:
            return False
        self.game = self._replay(self.game.moves[: plies[-1]])
        self.autosave()
        return True

    def restart(self) -> "Session":
        """The same scenario, seed and roles from the start."""
        return Session(self.scenario, self.seed, dict(self.roles), self.autosave_to or None)

    def _replay(self, moves: list[str], reasons: list[str] | None = None) -> Game:
        """Replay moves; computer reasons are taken from the record, not recomputed."""
        game = Game(self.scenario, self.seed)
        reasons = reasons if reasons and len(reasons) >= len(moves) else self.game.reasons
        for i, move in enumerate(moves):
            game.play(move, reason=reasons[i] if i < len(reasons) else "")
        return game

    # -- saving ------------------------------------------------------------------------------
    def to_save(self) -> dict[str, Any]:
        return {"scenario": {"id": self.scenario.id, "hash": self.scenario.content_hash,
                             "path": str(Path(self.scenario.path).resolve())},
                "seed": self.seed, "roles": dict(self.roles), "moves": list(self.game.moves),
                "reasons": list(self.game.reasons),
                "round": self.game.state.round, "ending": self.game.state.ending}

    def save(self, path: Path | str) -> Path:
        return write_save(path, self.to_save())

    def autosave(self) -> None:
        if self.autosave_to is not None:
            write_save(self.autosave_to, self.to_save())

    @classmethod
    def from_save(cls, data: dict[str, Any], scenario: Scenario, autosave: Path | None | bool = True) -> "Session":
        """Rebuild a session by replaying a save's moves; a move that is not legal means the
        save is damaged, and it is refused rather than half-loaded."""
        unknown = set(data["roles"]) - set(scenario.turns.order)
        if unknown:
            raise SaveError(f"the save names roles this scenario does not have: {', '.join(sorted(unknown))}")
        session = cls(scenario, data["seed"], data["roles"], autosave)
        try:
            reasons = data.get("reasons")
            reasons = [str(r) for r in reasons] if isinstance(reasons, list) else None
            session.game = session._replay(list(data["moves"]), reasons)
        except IllegalMove as exc:
            raise SaveError(f"the save's moves cannot be replayed ({exc}); the file is damaged") from None
        return session
