"""The play screen: phase and round, map, indicators, news, and the moves of whoever plays.

It draws snapshots and sends actions: moves go to the session; the computer's moves run
off the drawing thread after a short pause, so people can see what each side did."""

from __future__ import annotations

import threading

import pygame

from game.engine import HOLD, Record
from game.session import Session
from game.ui.screens import play_moves
from game.ui.screens.base import Layer
from game.ui.screens.briefing import build_cover
from game.ui.screens.play_dialogs import BriefingDialog, CauseDialog
from game.ui.widgets.bars import IndicatorBars
from game.ui.widgets.map_panel import MapPanel
from game.ui.widgets.news import NewsFeed


class Worker:
    """One computer move computed on a thread; `result()` re-raises its error here."""

    def __init__(self, session: Session) -> None:
        self.records: list[Record] | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(session,), daemon=True)
        self.thread.start()

    def _run(self, session: Session) -> None:
        try:
            self.records = session.computer_move()
        except BaseException as exc:  # handed to the loop, which shows the error screen
            self.error = exc

    @property
    def done(self) -> bool:
        return not self.thread.is_alive()

    def result(self) -> list[Record]:
        if self.error is not None:
            raise self.error
        return self.records or []


def layout(rect: pygame.Rect, t) -> dict[str, pygame.Rect]:
    pad = t.pad
    header_h = int(t.fh * 1.45) + int(t.fs * 1.3) * 2 + pad
    header = pygame.Rect(pad, pad, rect.width - 2 * pad, header_h)
    top = header.bottom + pad
    news_w = max(250, int(rect.width * 0.3))
    left = pygame.Rect(pad, top, rect.width - news_w - 3 * pad, rect.bottom - top - pad)
    news = pygame.Rect(left.right + pad, top, news_w, left.height)
    upper = int(left.height * 0.47)
    map_w = int(left.width * 0.44)
    return {"header": header, "map": pygame.Rect(left.x, left.y, map_w, upper),
            "bars": pygame.Rect(left.x + map_w + pad, left.y, left.width - map_w - pad, upper),
            "moves": pygame.Rect(left.x, left.y + upper + pad, left.width, left.height - upper - pad),
            "news": news}


class PlayScreen(Layer):
    def __init__(self, session: Session, briefed: str | None = None) -> None:
        super().__init__()
        self.session = session
        s = session.scenario
        self.map = MapPanel(s)
        self.bars = IndicatorBars(s, list(session.game.state.ind))
        self.feed = NewsFeed(s)
        self.feed.reset(session.game.history)
        self.seen = len(session.game.history)
        self.notices: list[Record] = []
        self.timer: float | None = None
        self.worker: Worker | None = None
        self.page = 0
        self.revealed = briefed  # hot-seat: the team allowed to see its moves now
        self.rects: dict[str, pygame.Rect] = {}
        self.mode = ""
        self.mouse = (0, 0)
        self.badge = (pygame.Rect(0, 0, 0, 0), "#000000")
        self._last_deltas()

    def _last_deltas(self) -> None:
        last = self.session.game.last_changes()
        for ind in self.session.scenario.indicators:
            change = last.get(ind.id)
            self.bars.delta[ind.index] = change.delta if change else None

    # -- what the screen shows now ---------------------------------------------------------
    @property
    def hot_seat(self) -> bool:
        return len(self.session.humans) > 1

    def current_mode(self) -> str:
        game = self.session.game
        if self.notices:
            return "notice"
        if game.over:
            return "over"
        if self.session.human_turn:
            if self.hot_seat and self.revealed != game.current_actor:
                return "cover"
            return "moves"
        return "waiting"

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        self.mode = self.current_mode()
        if self.mode == "cover":
            build_cover(self, rect, self.session, self.session.game.current_actor, self.reveal, purpose="move")
            return
        self.rects = layout(rect, t)
        self.bars.viewer = self._viewer()
        self._header(self.rects["header"])
        area = self.rects["moves"]
        {"notice": play_moves.build_notice, "over": play_moves.build_over, "moves": play_moves.build_moves,
         "waiting": play_moves.build_waiting}[self.mode](self, area)

    def _viewer(self) -> str | None:
        humans = self.session.humans
        current = self.session.game.current_actor
        return current if current in humans else (humans[0] if len(humans) == 1 else None)

    def _header(self, box: pygame.Rect) -> None:
        t, game, s = self.theme, self.session.game, self.session.scenario
        phase = s.phases[game.state.phase]
        side_w = min(520, box.width // 3)
        menu_w = t.font().size("Menu (Esc)")[0] + 3 * t.pad
        self.button((box.right - menu_w, box.y, menu_w, t.row), "Menu (Esc)", self.app.open_menu, focus=False)
        title = f"{game.round_label} of {s.turns.max_rounds} — {phase.title}"
        self.text((box.x, box.y), title, box.width - side_w - t.pad, t.fh, bold=True, max_lines=1)
        self.text((box.x, box.y + int(t.fh * 1.45)), phase.description, box.width - side_w - t.pad, t.fs,
                  colour="muted", max_lines=2)
        actor = game.current_actor
        if actor is not None:
            who = s.actors[actor].short
            role = self.session.roles.get(actor)
            turn = f"{who} to move" + (" (you)" if role == "human" and not self.hot_seat else
                                       " (team)" if role == "human" else " (computer)")
        else:
            turn = "Game over"
        font = t.font(t.f, bold=True)
        badge = pygame.Rect(0, box.y, min(font.size(turn)[0] + 2 * t.pad, side_w - menu_w - t.pad), t.row)
        badge.right = box.right - menu_w - t.pad
        self.badge = (badge, s.actors[actor].colour if actor else t.c["border"])
        self.text((badge.x + t.pad, badge.y + (t.row - font.get_linesize()) // 2), turn, badge.width - 2 * t.pad,
                  t.f, bold=True, max_lines=1)
        news = self.rects["news"]
        self.text((news.x + 2, news.y), "News — click an item to see why (N)", news.width - 4, t.fs, bold=True,
                  colour="muted", max_lines=1)

    # -- the loop ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        moving = self.bars.update(dt)
        if self.worker is not None:
            if not self.worker.done:
                return True
            worker, self.worker = self.worker, None
            self.absorb(worker.result())
        if self.mode != self.current_mode():
            self.rebuild()
        if self.mode == "waiting":
            if self.timer is None:
                self.timer = self.app.settings.computer_pause
            self.timer -= dt
            if self.timer <= 0:
                self.timer = None
                self.worker = Worker(self.session)
            return True
        return moving

    def absorb(self, records: list[Record]) -> None:
        """Show what just happened: news, bar animations, event notices."""
        game = self.session.game
        deltas: dict[int, float] = {}
        for record in records:
            self.feed.add(record)
            for change in record.changes:
                if change.kind == "indicator":
                    index = self.session.scenario.indicator_by_id[change.target].index
                    deltas[index] = deltas.get(index, 0) + change.delta
            if record.kind == "event":
                self.notices.append(record)
        self.seen = len(game.history)
        self.bars.set_values(list(game.state.ind), deltas, animate=not self.app.still)
        self.page = 0
        self.rebuild()

    # -- actions ----------------------------------------------------------------------------
    def choose(self, move_id: str) -> None:
        if self.mode != "moves":
            return
        status = self.session.game.status(move_id)
        if not status.legal:
            return
        self.revealed = self.session.game.current_actor
        self.absorb(self.session.play(move_id))

    def reveal(self) -> None:
        self.revealed = self.session.game.current_actor
        self.rebuild()

    def skip(self) -> None:
        self.timer = 0.0

    def acknowledge(self) -> None:
        if self.notices:
            self.notices.pop(0)
            self.rebuild()

    def undo(self) -> None:
        if self.mode != "moves" or len(self.session.humans) != 1 or not self.session.undo():
            return
        game = self.session.game
        self.feed.reset(game.history)
        self.seen = len(game.history)
        self.bars.set_values(list(game.state.ind), {}, animate=False)
        self._last_deltas()
        self.notices = []
        self.rebuild()

    def next_page(self) -> None:
        self.page += 1
        self.rebuild()

    def show_briefing(self) -> None:
        actor = self.session.game.current_actor
        if actor in self.session.humans:
            self.app.open(BriefingDialog(self.session, actor))

    def open_cause(self, record: Record) -> None:
        records = [r for r in self.session.game.history if r.kind != "ending"]
        index = next((i for i, r in enumerate(records) if r.seq == record.seq), len(records) - 1)
        if records:
            self.app.open(CauseDialog(self.session, records, index))

    def to_ending(self) -> None:
        from game.ui.screens.ending import EndingScreen
        self.app.show(EndingScreen(self.session))

    # -- input ------------------------------------------------------------------------------
    def handle_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        digit = {getattr(pygame, f"K_{n}"): n for n in range(10)}
        digit.update({getattr(pygame, f"K_KP{n}"): n for n in range(10)})
        if self.mode == "moves" and key in digit:
            number = digit[key]
            if number == 0:
                self.choose(HOLD)
            else:
                legal = [st for st in play_moves.numbered(self) if st.legal]
                if number <= len(legal):
                    self.choose(legal[number - 1].id)
            return True
        if key == pygame.K_SPACE and self.mode == "waiting":
            self.skip()
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            {"notice": self.acknowledge, "over": self.to_ending, "cover": self.reveal}.get(self.mode, lambda: None)()
        elif key == pygame.K_u:
            self.undo()
        elif key == pygame.K_b and self.mode == "moves":
            self.show_briefing()
        elif key == pygame.K_n and self.mode != "cover" and self.session.game.history:
            self.open_cause(self.session.game.history[-1])
        else:
            return False
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.mode == "cover":
            return False
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            changed = self.bars.on_mouse(event.pos)
            return bool(self.feed.on_mouse(event)) or changed
        if event.type == pygame.MOUSEWHEEL and self.feed.rect.collidepoint(self.mouse):
            return bool(self.feed.on_mouse(event))
        if event.type == pygame.MOUSEBUTTONUP:
            record = self.feed.on_mouse(event)
            if isinstance(record, Record):
                self.open_cause(record)
                return True
        return False

    # -- drawing ----------------------------------------------------------------------------
    def draw_under(self, surface: pygame.Surface) -> None:
        t = self.theme
        if self.mode != "cover":
            r = self.rects
            value = None
            if self.map.relations is not None:
                value = round(self.bars.shown[self.map.relations.index])
            self.map.draw(surface, r["map"], t, value)
            pygame.draw.rect(surface, t.colour("panel"), r["bars"], border_radius=6)
            self.bars.draw(surface, r["bars"].inflate(-2 * t.pad, -2 * t.pad), t)
            tone = "focus" if self.mode == "notice" else "border"
            pygame.draw.rect(surface, t.colour("panel"), r["moves"], border_radius=6)
            pygame.draw.rect(surface, t.colour(tone), r["moves"], 2 if self.mode == "notice" else 1, border_radius=6)
            self.feed.draw(surface, r["news"].inflate(0, -int(t.fs * 1.6)).move(0, int(t.fs * 0.8)), t)
            badge, colour = self.badge
            pygame.draw.rect(surface, pygame.Color(colour), badge, border_radius=6)
            pygame.draw.rect(surface, t.colour("text"), badge, 1, border_radius=6)
        super().draw_under(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        if self.mode != "cover" and self.app.top is self:
            self.bars.draw_tooltip(surface, self.theme, self.app.rect)

    def visible_text(self) -> list[str]:
        texts = list(self.texts)
        if self.mode != "cover":
            texts += [r.headline for r, _ in self.feed.items]
        return texts
