"""Play in the terminal: plain text in, plain text out, so it works from a pipe and with
screen readers. It reads the game's history and move statuses; it never decides rules."""

from __future__ import annotations

import sys
import textwrap
from typing import Callable, TextIO

from game.engine import HOLD, Game, MoveStatus, Record
from game.engine.describe import change_text, move_summary
from game.errors import SaveError
from game.session import Session

HELP = """Commands:
  N          make move number N (0 holds: you pass this turn)
  why N      what move N does, its real-world basis, or why it is not available now
  save [F]   save the game (to F, or to the autosave)
  help       this text
  quit       stop (the game is autosaved; continue with: python main.py play --text --continue)"""


class Terminal:
    """The text front end for one session."""

    def __init__(self, session: Session, out: TextIO = sys.stdout, read: Callable[[str], str] | None = None,
                 width: int = 88) -> None:
        self.session, self.out, self.width = session, out, width
        self.read = read or _read_line(out)
        self.seen = len(session.game.history)  # history already shown

    # -- output helpers ----------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def wrap(self, text: str, indent: str = "  ") -> None:
        for para in str(text).strip().split("\n"):
            self.say(textwrap.fill(para, self.width, initial_indent=indent, subsequent_indent=indent) or "")

    @property
    def game(self) -> Game:
        return self.session.game

    # -- the loop ----------------------------------------------------------------------------
    def run(self) -> int:
        s = self.session.scenario
        self.say(f"Parley — {s.title}")
        self.wrap(s.summary)
        for actor in self.session.humans:
            self.briefing(actor)
        while not self.game.over:
            if self.session.computer_turn:
                for record in self.session.computer_move():
                    self.show_record(record)
                self.seen = len(self.game.history)
                continue
            if not self.human_turn():
                return 0
        self.ending()
        return 0

    def briefing(self, actor_id: str) -> None:
        actor = self.session.scenario.actors[actor_id]
        self.say(f"\n== Your role: {actor.name} ==")
        if actor.briefing:
            self.wrap(actor.briefing.public)
            self.say("  Private objectives (only you see these):")
            self.wrap(actor.briefing.private, "    ")
            for objective in actor.briefing.objectives:
                self.wrap(f"- {objective}", "    ")

    def human_turn(self) -> bool:
        """Show the situation and read commands until a move is made; False on quit/EOF."""
        self.situation()
        statuses = self.numbered()
        while True:
            try:
                line = self.read("> ").strip()
            except EOFError:
                self.say(f"\nInput ended. {self.saved_where()}")
                return False
            if not line:
                continue
            word, _, rest = line.partition(" ")
            word = word.lower()
            if word in ("quit", "q", "exit"):
                self.say(self.saved_where())
                return False
            if word in ("help", "h", "?"):
                self.say(HELP)
            elif word == "save":
                self.save(rest.strip())
            elif word == "why":
                self.why(statuses, rest.strip())
            elif word.isdigit():
                if self.choose(statuses, int(word)):
                    return True
            else:
                self.say(f"'{line}' is not a command. Type a move number, or 'help'.")

    def saved_where(self) -> str:
        where = self.session.autosave_to
        return f"The game is autosaved in {where}." if where else "The game was not saved."

    def situation(self) -> None:
        g, s = self.game, self.session.scenario
        actor = s.actors[g.current_actor]
        phase = s.phases[g.state.phase]
        self.say(f"\n=== {g.round_label} of {s.turns.max_rounds} — {actor.name} to move ===")
        self.say(f"Phase: {phase.title}")
        self.wrap(phase.description)
        self.news()
        last = g.last_changes()
        self.say("Indicators:")
        for ind in s.indicators:
            value = g.state.ind[ind.index]
            change = last.get(ind.id)
            note = f"  (last: {change.delta:+g}, {change.cause})" if change else ""
            self.say(f"  {ind.label:<30} {value:>5g}  [{ind.min:g}…{ind.max:g}]{note}")
        true_now = [f.label for f in s.flags if g.state.flags[f.index]]
        ended = [f.label for f in s.flags if f.initial and not g.state.flags[f.index]]
        if true_now:
            self.wrap("Now true: " + "; ".join(true_now), "  ")
        if ended:
            self.wrap("No longer: " + "; ".join(ended), "  ")

    def news(self) -> None:
        fresh = self.game.history[self.seen:]
        self.seen = len(self.game.history)
        if fresh:
            self.say("News since your last turn:")
            for record in fresh:
                self.show_record(record)

    def show_record(self, record: Record) -> None:
        s = self.session.scenario
        who = s.actors[record.actor].short if record.actor else "News"
        if record.kind == "ending":
            return
        self.wrap(f"• [{s.turns.label(record.round)}] {who}: {record.headline}", "  ")
        if record.reason:
            self.wrap(f"(why: {record.reason})", "      ")
        for change in record.changes:
            self.say(f"      {change_text(s, change)}")

    def numbered(self) -> list[MoveStatus]:
        """Number the legal moves first, then those not available now."""
        statuses = self.game.statuses()
        legal = [st for st in statuses if st.legal]
        blocked = [st for st in statuses if not st.legal]
        self.say("Your moves:")
        self.say("  0. Hold (do nothing this turn)")
        for number, st in enumerate(legal, start=1):
            self.say(f"  {number}. {st.move.label}")
        if blocked:
            self.say("Not available now (type 'why N' to see why):")
            for number, st in enumerate(blocked, start=len(legal) + 1):
                self.say(f"  {number}. {st.move.label}")
        self.say("Type a number, 'why N', 'save', 'help' or 'quit'.")
        return legal + blocked

    def pick(self, statuses: list[MoveStatus], number: int) -> MoveStatus | None:
        if number == 0:
            return self.game.status(HOLD)
        if 1 <= number <= len(statuses):
            return statuses[number - 1]
        self.say(f"There is no move {number}; choose 0 to {len(statuses)}.")
        return None

    def choose(self, statuses: list[MoveStatus], number: int) -> bool:
        st = self.pick(statuses, number)
        if st is None:
            return False
        if not st.legal:
            self.say(f"'{st.move.label}' is not available now: " + "; ".join(st.reasons))
            return False
        for record in self.session.play(st.id):
            self.show_record(record)
        self.seen = len(self.game.history)
        return True

    def why(self, statuses: list[MoveStatus], arg: str) -> None:
        if not arg.isdigit():
            self.say("Type 'why' and a move number, e.g. 'why 2'.")
            return
        st = self.pick(statuses, int(arg))
        if st is None:
            return
        if st.move is None:
            self.say("Holding passes your turn; nothing changes, but events still happen.")
            return
        move, s = st.move, self.session.scenario
        self.say(f"{move.label}:")
        if move.description:
            self.wrap(move.description)
        for line in move_summary(s, move):
            self.wrap(f"- {line}")
        if move.basis:
            source = s.sources.get(move.basis.source)
            self.wrap(f"Real-world basis: {move.basis.text}" + (f" [{source.title}]" if source else ""))
        if not st.legal:
            self.wrap("Not available now: " + "; ".join(st.reasons))

    def save(self, target: str) -> None:
        try:
            path = self.session.save(target) if target else (self.session.autosave() or self.session.autosave_to)
        except (OSError, SaveError) as exc:
            self.say(f"Could not save: {exc}")
            return
        self.say(f"Saved to {path}." if path else "Autosave is off; give a file name: save FILE")

    def ending(self) -> None:
        g, s = self.game, self.session.scenario
        self.news()
        ending = g.ending
        self.say(f"\n##### {ending.title} #####")
        self.wrap(ending.narrative)
        self.say("\nResults:")
        scores = g.scores()
        for actor_id, result in ending.results.items():
            who = s.actors[actor_id].name + (" (you)" if actor_id in self.session.humans else "")
            self.say(f"  {who}: {scores[actor_id]:+.0f}")
            if result.text:
                self.wrap(result.text, "      ")
        self.debrief()
        if self.session.autosave_to:
            self.say("\nFor the class debrief, write the whole session out with: python main.py report --out report.md")

    def debrief(self) -> None:
        d, s = self.session.scenario.debrief, self.session.scenario
        if not (d.what_happened or d.questions):
            return
        self.say("\n== Debrief: what really happened ==")
        self.wrap(d.what_happened)
        if d.uncertain:
            self.say("Uncertain or disputed:")
            for item in d.uncertain:
                self.wrap(f"- {item}", "    ")
        if d.questions:
            self.say("Questions for discussion:")
            for number, question in enumerate(d.questions, start=1):
                self.wrap(f"{number}. {question}", "    ")
        if d.sources:
            self.say("Sources:")
            for ident in d.sources:
                src = s.sources[ident]
                self.wrap(f"- {src.title} {src.url}", "    ")


def _read_line(out: TextIO) -> Callable[[str], str]:
    def read(prompt: str) -> str:
        out.write(prompt)
        out.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        if not sys.stdin.isatty():
            out.write(line if line.endswith("\n") else line + "\n")  # echo piped input
        return line
    return read
