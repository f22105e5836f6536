"""The window (being built): until it exists, play continues in the terminal."""

from __future__ import annotations


def run_app(session) -> int:
    from game.terminal import Terminal

    return Terminal(session).run()
