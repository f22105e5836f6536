"""Setup: who plays each role (a person or the computer, and how well), and the seed."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UITextEntryLine

from game.scenario import Scenario
from game.session import Session
from game.session.session import HUMAN
from game.ui import flow
from game.ui.screens.base import Layer


class SetupScreen(Layer):
    def __init__(self, scenario: Scenario, seed: int | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.seed = seed if seed is not None else flow.new_seed()
        self.options = flow.difficulties()
        playable = scenario.playable
        self.roles = {a: (HUMAN if playable and a == playable[0] else flow.default_difficulty())
                      for a in scenario.turns.order}
        self.last_policy = {a: flow.default_difficulty() for a in scenario.turns.order}
        self.entry: UITextEntryLine | None = None

    def build(self, rect: pygame.Rect) -> None:
        t, s = self.theme, self.scenario
        pad = t.pad * 2
        width = rect.width - 2 * pad
        y = pad
        y += self.text((pad, y), s.title, width, t.fh, bold=True, max_lines=2) + t.pad
        y += self.text((pad, y), "Who plays each role? A person (several people take turns at this screen: "
                       "hot-seat) or the computer.", width, t.f, colour="muted", max_lines=2) + t.pad
        name_w = min(int(width * 0.42), 460)
        choice_w = min(220, (width - name_w - 2 * t.pad) // 2)
        for actor_id in s.turns.order:
            actor = s.actors[actor_id]
            self.text((pad, y + (t.row - t.font().get_linesize()) // 2), actor.name, name_w, max_lines=1)
            role = self.roles[actor_id]
            x = pad + name_w + t.pad
            if actor.playable:
                text = "Person" if role == HUMAN else "Computer"
                self.button((x, y, choice_w, t.row), text, lambda a=actor_id: self.toggle(a),
                            tip="Click to switch between a person and the computer",
                            object_id="#primary" if role == HUMAN else None)
            else:
                self.label((x, y, choice_w, t.row), "Computer", "#muted")
            if role != HUMAN:
                label = next((lbl for lbl, p in self.options if p == role), role)
                self.button((x + choice_w + t.pad, y, choice_w, t.row), f"Level: {label}",
                            lambda a=actor_id: self.cycle(a), tip="Click to change how well the computer plays",
                            enabled=len(self.options) > 1)
            y += t.row + t.pad
        y += t.pad
        self.text((pad, y + (t.row - t.font().get_linesize()) // 2), "Seed (the same seed replays the same game)",
                  name_w, max_lines=1)
        x = pad + name_w + t.pad
        self.entry = UITextEntryLine(pygame.Rect(x, y, choice_w, t.row), manager=self.manager,
                                     initial_text=str(self.seed))
        self.entry.set_allowed_characters("numbers")
        self.entry.length_limit = 9
        self.elements.append(self.entry)
        self.button((x + choice_w + t.pad, y, choice_w, t.row), "New seed", self.reseed)
        humans = sum(1 for r in self.roles.values() if r == HUMAN)
        note = {0: "Nobody plays: you will watch the computer play every role.",
                1: "Solo play: you can undo your last move."}.get(
            humans, f"Hot-seat for {humans} teams: each team reads its private briefing alone.")
        self.text((pad, y + t.row + t.pad * 2), note, width, colour="muted", max_lines=2)
        bottom = rect.bottom - pad - t.row
        bw = min(240, width // 3)
        self.button((pad, bottom, bw, t.row), "Back", self.back)
        self.button((rect.right - pad - bw, bottom, bw, t.row), "Start", self.start, object_id="#primary")
        if self.focus_index < 0:
            self.focus_index = len(self.focus_order) - 1

    def _read_seed(self) -> None:
        if self.entry is not None:
            text = self.entry.get_text().strip()
            self.seed = int(text) if text.isdigit() else self.seed

    def toggle(self, actor: str) -> None:
        self._read_seed()
        if self.roles[actor] == HUMAN:
            self.roles[actor] = self.last_policy[actor]
        else:
            self.last_policy[actor] = self.roles[actor]
            self.roles[actor] = HUMAN
        self.rebuild()

    def cycle(self, actor: str) -> None:
        self._read_seed()
        policies = [p for _, p in self.options]
        current = policies.index(self.roles[actor]) if self.roles[actor] in policies else -1
        self.roles[actor] = policies[(current + 1) % len(policies)]
        self.rebuild()

    def reseed(self) -> None:
        self.seed = flow.new_seed()
        self.rebuild()

    def back(self) -> None:
        from game.ui.screens.title import TitleScreen
        self.app.show(TitleScreen())

    def start(self) -> None:
        self._read_seed()
        session = Session(self.scenario, self.seed, dict(self.roles))
        session.autosave()
        self.app.show(flow.after_setup(session))

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.start()
            return True
        return False
