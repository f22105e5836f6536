"""The window: one loop that reads input, advances the current screen and redraws only
when something changed. Screens draw snapshots of the session and send it actions."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from game.ui import display_available  # noqa: F401  (also hides pygame's banner)
import pygame
import pygame_gui

from game.ui.screens.base import Layer
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.theme import Theme

log = logging.getLogger("parley.ui")
MIN_SIZE = (800, 500)
HOVER_KEEP = 1.5  # seconds to keep updating after input, so tooltips and hover colours appear


def log_path() -> Path:
    from game.session.saves import data_dir
    return data_dir() / "parley.log"


def setup_logging() -> None:
    """Log to data_dir()/parley.log (again if the data folder changed, as in tests)."""
    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


class App:
    """The window, the pygame_gui manager, the current screen and the dialogs above it."""

    def __init__(self, size: tuple[int, int] = (1280, 720), settings: Settings | None = None,
                 still: bool = False) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Parley")
        self.settings = settings or load_settings()
        self.still = still  # screenshots: no animation, every transition already finished
        self.windowed_size = size
        self.window = self._set_mode(size)
        self.theme = Theme(self.settings, self.window.get_size())
        self.manager = self.theme.make_manager(self.window.get_size())
        self.screen: Layer | None = None
        self.overlays: list[Layer] = []
        self.running = True
        self.redraw = True
        self.keyboard = False  # show the focus ring once the keyboard is used
        self.last = time.perf_counter()
        self.hover_until = 0.0
        self.moving = False
        self.clock = pygame.time.Clock()
        self.frames = 0

    # -- window ----------------------------------------------------------------------------
    def _set_mode(self, size: tuple[int, int]) -> pygame.Surface:
        if self.settings.fullscreen and os.environ.get("SDL_VIDEODRIVER") != "dummy":
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    @property
    def rect(self) -> pygame.Rect:
        return self.window.get_rect()

    def resize(self, size: tuple[int, int]) -> None:
        if not self.settings.fullscreen:
            self.windowed_size = size
        if self.window.get_size() != tuple(size) or self.settings.fullscreen:
            self.window = self._set_mode(size)
        self.restyle()

    def restyle(self) -> None:
        """Rebuild every layer for the current size and settings (fonts may change)."""
        size = self.window.get_size()
        theme = Theme(self.settings, size)
        layers = ([self.screen] if self.screen else []) + self.overlays
        for layer in layers:
            layer.clear()
        if theme.key != self.theme.key:
            self.theme = theme
            self.manager = theme.make_manager(size)
        else:
            self.theme = theme
            self.manager.set_window_resolution(size)
        for layer in layers:
            layer.build(self.rect)
        self.redraw = True

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        save_settings(self.settings)
        self.window = self._set_mode(self.windowed_size)
        self.restyle()

    def apply_settings(self) -> None:
        save_settings(self.settings)
        self.restyle()

    # -- screens and dialogs ---------------------------------------------------------------
    def show(self, screen: Layer) -> None:
        for layer in reversed(self.overlays):
            layer.clear()
            layer.on_close()
        self.overlays = []
        if self.screen is not None:
            self.screen.clear()
            self.screen.on_close()
        self.screen = screen
        screen.attach(self)
        screen.build(self.rect)
        self.redraw = True

    def open(self, layer: Layer) -> None:
        layer.attach(self)
        self.overlays.append(layer)
        layer.build(self.rect)
        self.redraw = True

    def close(self, layer: Layer) -> None:
        if layer in self.overlays:
            self.overlays.remove(layer)
            layer.clear()
            layer.on_close()
            self.redraw = True

    @property
    def top(self) -> Layer:
        return self.overlays[-1] if self.overlays else self.screen

    def open_menu(self) -> None:
        from game.ui.screens.menu import Menu
        if not any(isinstance(layer, Menu) for layer in self.overlays):
            self.open(Menu())

    def open_help(self) -> None:
        from game.ui.screens.menu import KeysHelp
        if not any(isinstance(layer, KeysHelp) for layer in self.overlays):
            self.open(KeysHelp())

    # -- the loop --------------------------------------------------------------------------
    def active(self) -> bool:
        return self.redraw or self.moving or time.perf_counter() < self.hover_until

    def step(self, wait: bool = False) -> bool:
        """Handle input, advance the screen, redraw if needed. Returns False once quit."""
        try:
            self._step(wait)
        except Exception as exc:  # a crash never takes the game with it
            self.crash(exc)
        return self.running

    def _step(self, wait: bool) -> None:
        if wait and not self.active():
            first = pygame.event.wait(1000)
            events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        else:
            events = pygame.event.get()
        now = time.perf_counter()
        dt, self.last = min(0.1, now - self.last), now
        for event in events:
            self.handle(event)
            if event.type != pygame.NOEVENT:
                self.hover_until = now + HOVER_KEEP
        if not self.running:
            return
        self.manager.update(dt)
        moving = self.screen.update(dt) if self.screen else False
        for layer in list(self.overlays):
            moving = layer.update(dt) or moving
        self.moving = moving
        if events or moving or self.redraw or now < self.hover_until:
            self.draw()

    def run(self) -> int:
        while self.running:
            busy = self.active()
            self.step(wait=True)
            if busy:
                self.clock.tick(60)
        return 0

    def draw(self) -> None:
        self.window.fill(self.theme.colour("bg"))
        layers = ([self.screen] if self.screen else []) + self.overlays
        for layer in layers:
            layer.draw_under(self.window)
        self.manager.draw_ui(self.window)
        for layer in layers:
            layer.draw_over(self.window)
        if self.keyboard:
            focused = self.top.focused() if self.top else None
            if focused is not None:
                pygame.draw.rect(self.window, self.theme.colour("focus"), focused.rect.inflate(6, 6), 3,
                                 border_radius=6)
        pygame.display.flip()
        self.redraw = False
        self.frames += 1

    # -- input -----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
            self.resize((event.w, event.h))
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self._dispatch_press(event.ui_element)
            return
        if event.type == pygame.KEYDOWN and self._global_key(event):
            return
        used = self.manager.process_events(event)
        if event.type == pygame.KEYDOWN:
            if used and self._typing():
                return
            self._key(event)
        elif not used and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
                                         pygame.MOUSEMOTION):
            if event.type == pygame.MOUSEBUTTONDOWN:
                self.keyboard = False
            target = self.top
            if target is not None and target.handle_event(event):
                self.redraw = True

    def _typing(self) -> bool:
        focus = self.manager.get_focus_set()
        return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in (focus or ()))

    def _global_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.key == pygame.K_F1:
            self.open_help()
        elif event.key == pygame.K_ESCAPE:
            self.top.on_escape()
        else:
            return False
        self.redraw = True
        return True

    def _key(self, event: pygame.event.Event) -> None:
        top = self.top
        if top is None:
            return
        key = event.key
        if key == pygame.K_TAB:
            top.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            self.keyboard = True
        elif key in (pygame.K_UP, pygame.K_LEFT, pygame.K_DOWN, pygame.K_RIGHT) and not self._typing():
            top.move_focus(-1 if key in (pygame.K_UP, pygame.K_LEFT) else 1)
            self.keyboard = True
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and top.focused() is not None \
                and not (self._typing() and key == pygame.K_SPACE):
            top.activate_focus()
        elif not self._typing():
            top.handle_key(event)
        self.redraw = True

    def _dispatch_press(self, element) -> None:
        layers = ([self.screen] if self.screen else []) + self.overlays
        for layer in reversed(layers):
            if element in layer.actions:
                layer.press(element)
                self.redraw = True
                return
            if layer.modal:
                return  # a dialog is open: the screen below waits

    # -- crashes ---------------------------------------------------------------------------
    def crash(self, exc: BaseException) -> None:
        setup_logging()
        log.error("the game hit an error:\n%s", "".join(traceback.format_exception(exc)))
        from game.ui.screens.error import ErrorScreen
        session = getattr(self.screen, "session", None)
        if session is not None:
            try:
                session.autosave()
            except Exception:  # the autosave made after the last move is still there
                log.exception("could not autosave after the error")
        if isinstance(self.screen, ErrorScreen):
            self.running = False  # an error while showing the error: give up cleanly
            return
        try:
            self.show(ErrorScreen(exc, log_path()))
        except Exception:
            log.exception("could not show the error screen")
            self.running = False

    # -- for tests and tools ---------------------------------------------------------------
    def find_button(self, text: str):
        """The visible button whose text starts with `text` (what a person would click)."""
        for element in self.manager.get_sprite_group().sprites():
            if isinstance(element, pygame_gui.elements.UIButton) and element.visible \
                    and element.text.startswith(text):
                return element
        return None

    def visible_text(self) -> str:
        layers = ([self.screen] if self.screen else []) + self.overlays
        start = max((i for i, layer in enumerate(layers) if layer.opaque), default=0)
        return "\n".join(t for layer in layers[start:] for t in layer.visible_text())


def start_screen(app: App, arg) -> Layer:
    """The first screen for `run_app`'s argument: a session, parsed arguments or nothing."""
    from game.session import Session
    from game.ui.screens.title import TitleScreen
    from game.ui import flow
    if isinstance(arg, Session):
        return flow.after_setup(arg)
    if isinstance(arg, argparse.Namespace):
        return flow.from_args(arg)
    return TitleScreen()


def run_app(session_or_args=None) -> int:
    """Open the window and play until it is closed."""
    setup_logging()
    try:
        app = App(size=(1280, 720))
    except pygame.error as exc:
        print(f"Parley could not open a window ({exc}); use: python main.py play --text", file=sys.stderr)
        return 1
    try:
        app.show(start_screen(app, session_or_args))
    except Exception as exc:
        app.crash(exc)
    code = app.run()
    pygame.quit()
    return code
