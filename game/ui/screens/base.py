"""What every screen and dialog shares: widgets mapped to actions, keyboard focus, text
drawn with pygame, and a rebuild from state whenever the window or the settings change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel, UITextBox

from game.ui.widgets.text import fit, render_block

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.theme import Theme


class Layer:
    """A screen (fills the window) or a dialog (drawn over the screen, takes the keys)."""

    modal = False  # a modal layer gets every click and key; the layers below wait
    z = 1  # pygame_gui layer of this layer's widgets (dialogs sit above screens)
    opaque = True  # an opaque layer hides the layers below it completely

    def __init__(self) -> None:
        self.app: App | None = None
        self.elements: list = []
        self.actions: dict = {}
        self.focus_order: list[UIButton] = []
        self.focus_index = -1
        self.blits: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.texts: list[str] = []  # every text on the layer, for tests and screen readers of the future

    # -- life cycle -------------------------------------------------------------------------
    @property
    def theme(self) -> "Theme":
        return self.app.theme

    @property
    def manager(self) -> pygame_gui.UIManager:
        return self.app.manager

    def attach(self, app: "App") -> None:
        self.app = app

    def build(self, rect: pygame.Rect) -> None:
        """Create the widgets for a window of this size, from the current state."""

    def clear(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements, self.actions, self.focus_order, self.blits, self.texts = [], {}, [], [], []

    def rebuild(self) -> None:
        index = self.focus_index
        self.clear()
        self.build(self.app.rect)
        self.focus_index = min(index, len(self.focus_order) - 1)
        self.app.redraw = True

    def on_close(self) -> None:
        """Called when a dialog is closed or a screen is left."""

    # -- widgets ----------------------------------------------------------------------------
    def _keep(self, element, container=None):
        if container is None:
            self.elements.append(element)
        return element

    def button(self, rect, text: str, action: Callable[[], None] | None, tip: str | None = None,
               enabled: bool = True, object_id: str | None = None, container=None, focus: bool = True) -> UIButton:
        rect = pygame.Rect(rect)
        shown = fit(self.theme.font(self.theme.fs if object_id == "#small" else self.theme.f,
                                    bold=object_id == "#primary"), text, rect.width - 16)
        element = UIButton(rect, shown, manager=self.manager, container=container,
                           tool_tip_text=tip or (text if shown != text else None), object_id=object_id,
                           starting_height=self.z + 1)
        if not enabled:
            element.disable()
        if action is not None:
            self.actions[element] = action
        if focus:
            self.focus_order.append(element)
        self.texts.append(text)
        return self._keep(element, container)

    def label(self, rect, text: str, object_id: str | None = None, container=None) -> UILabel:
        rect = pygame.Rect(rect)
        font = self.theme.font({"#heading": self.theme.fh, "#title": self.theme.ft, "#muted": self.theme.fs}
                               .get(object_id or "", self.theme.f), bold=object_id in ("#heading", "#title"))
        element = UILabel(rect, fit(font, text, rect.width - 4), manager=self.manager, container=container,
                          object_id=object_id)
        element.change_layer(self.z + 1)
        self.texts.append(text)
        return self._keep(element, container)

    def textbox(self, rect, html: str, plain: str = "", container=None) -> UITextBox:
        element = UITextBox(html, pygame.Rect(rect), manager=self.manager, container=container,
                            starting_height=self.z + 1)
        self.texts.append(plain or html)
        return self._keep(element, container)

    def panel(self, rect, object_id: str | None = None) -> UIPanel:
        element = UIPanel(pygame.Rect(rect), starting_height=self.z, manager=self.manager, object_id=object_id)
        return self._keep(element)

    def text(self, pos: tuple[int, int], text: str, width: int, size: int | None = None, bold: bool = False,
             colour: str = "text", max_lines: int | None = None) -> int:
        """Draw wrapped text at `pos` (under the widgets); return its height."""
        font = self.theme.font(size or self.theme.f, bold)
        surface = render_block(font, text, width, self.theme.colour(colour), max_lines)
        self.blits.append((surface, pos))
        self.texts.append(text)
        return surface.get_height()

    # -- input ------------------------------------------------------------------------------
    def press(self, element) -> bool:
        action = self.actions.get(element)
        if action is None or not element.is_enabled:
            return False
        action()
        return True

    def focusables(self) -> list[UIButton]:
        return [e for e in self.focus_order if e.alive() and e.visible and e.is_enabled]

    def move_focus(self, step: int) -> None:
        items = self.focusables()
        if not items:
            return
        current = self.focused()
        index = items.index(current) if current in items else (-1 if step > 0 else 0)
        self.focus_index = self.focus_order.index(items[(index + step) % len(items)])

    def focused(self) -> UIButton | None:
        if 0 <= self.focus_index < len(self.focus_order):
            element = self.focus_order[self.focus_index]
            if element.alive() and element.visible and element.is_enabled:
                return element
        return None

    def activate_focus(self) -> bool:
        element = self.focused()
        return self.press(element) if element is not None else False

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keys the screen understands (number keys, letters); True if used."""
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Mouse events pygame_gui did not use (clicks on the map, the feed); True if used."""
        return False

    def on_escape(self) -> None:
        self.app.open_menu()

    def update(self, dt: float) -> bool:
        """Advance timers and animations; True while something moves (keep drawing)."""
        return False

    # -- drawing ----------------------------------------------------------------------------
    def draw_under(self, surface: pygame.Surface) -> None:
        for image, pos in self.blits:
            surface.blit(image, pos)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn after pygame_gui (custom panels above widgets)."""

    def visible_text(self) -> list[str]:
        return list(self.texts)


class Dialog(Layer):
    """A box in the middle of the window with a title, a text and buttons; Esc closes it."""

    modal = True
    opaque = False
    z = 20

    def __init__(self, title: str, body: str = "", buttons: list[tuple[str, Callable[[], None]]] | None = None,
                 width: float = 0.5, height: float | None = None) -> None:
        super().__init__()
        self.title, self.body = title, body
        self.buttons = buttons or [("OK", None)]  # None: close the dialog
        self.width_share, self.height_share = width, height

    def close(self) -> None:
        self.app.close(self)

    def on_escape(self) -> None:
        self.close()

    def frame(self, rect: pygame.Rect, rows: int, body_lines: int = 0) -> pygame.Rect:
        t = self.theme
        width = max(min(rect.width - 2 * t.pad, 340), int(rect.width * self.width_share))
        width = min(width, rect.width - 2 * t.pad)
        height = (t.fh * 2 + t.pad * 3 + rows * (t.row + t.pad) + body_lines) if self.height_share is None \
            else int(rect.height * self.height_share)
        height = min(height, rect.height - 2 * t.pad)
        box = pygame.Rect(0, 0, width, height)
        box.center = rect.center
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 140))
        self._keep(UIImage(rect, shade, manager=self.manager, starting_height=self.z - 1))
        self.panel(box, "#dialog")
        self.label((box.x + t.pad, box.y + t.pad, box.width - 2 * t.pad, t.fh * 2), self.title, "#heading")
        return box

    def build(self, rect: pygame.Rect) -> None:
        t = self.theme
        inner = min(rect.width - 4 * t.pad, max(320, int(rect.width * self.width_share)) - 2 * t.pad)
        body_h = 0
        if self.body:
            body_h = min(len(self._lines(inner)) * int(t.font().get_linesize() * 1.2) + t.pad,
                         rect.height - 4 * t.row - 4 * t.pad)
        box = self.frame(rect, 1, body_h)
        y = box.y + t.pad + t.fh * 2
        if self.body:
            self.textbox((box.x + t.pad, y, box.width - 2 * t.pad, body_h), self.body_html(), self.body)
        self.row_of_buttons(box, self.buttons)

    def _lines(self, width: int) -> list[str]:
        from game.ui.widgets.text import wrap
        return wrap(self.theme.font(), self.body, width - 24)

    def body_html(self) -> str:
        from game.ui.widgets.text import esc
        return esc(self.body)

    def row_of_buttons(self, box: pygame.Rect, buttons: list[tuple[str, Callable[[], None]]]) -> None:
        t = self.theme
        count = len(buttons)
        width = (box.width - t.pad * (count + 1)) // count
        y = box.bottom - t.pad - t.row
        for i, (text, action) in enumerate(buttons):
            self.button((box.x + t.pad + i * (width + t.pad), y, width, t.row), text, action or self.close,
                        object_id="#primary" if i == 0 else None)
        self.focus_index = 0

