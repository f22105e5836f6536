"""UI benchmark: time to the first title frame, frame times during computer turns, idle CPU.

    python benchmarks/ui_bench.py [--scenario PATH]

Runs headless (SDL dummy driver). Goals on a 2-core machine: first frame ≤ 0.6 s, mean
frame ≤ 4 ms, p95 ≤ 8 ms, idle CPU ≤ 5 % of one core."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
os.environ.setdefault("PARLEY_DATA_DIR", tempfile.mkdtemp(prefix="parley-bench-"))

CHILD = """
import sys
sys.path.insert(0, {root!r})
from game.ui.app import App
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings
app = App(size=(1280, 720), settings=Settings())
app.show(TitleScreen())
app.step()
print("first-frame", flush=True)
"""


def first_frame() -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT))], stdout=subprocess.PIPE,
                             text=True, env=dict(os.environ))
    for line in child.stdout:
        if line.startswith("first-frame"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit("the child never drew a frame")
    child.wait()
    return elapsed


def computer_turns(scenario: str, seconds: float) -> list[float]:
    """Frame times (ms) at 1280×720 while computer-run actors play, bars animating."""
    import pygame
    from game.session import Session
    from game.ui import flow
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen
    from game.ui.settings import Settings

    loaded, why = flow.load_scenario(scenario)
    if loaded is None:
        raise SystemExit(why)
    roles = {a: flow.default_difficulty() for a in loaded.turns.order}
    session = Session(loaded, 7, roles, autosave=None)
    app = App(size=(1280, 720), settings=Settings(pause=0.6))
    app.show(PlayScreen(session))
    clock = pygame.time.Clock()
    times: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not session.game.over:
        t0 = time.perf_counter()
        app.step()
        times.append((time.perf_counter() - t0) * 1000)
        screen = app.screen
        if getattr(screen, "notices", None):  # acknowledge events as a person would
            screen.acknowledge()
        clock.tick(60)
    return times


def idle_cpu(scenario: str, seconds: float) -> float:
    """Share of one core used while the play screen waits for a person's move."""
    from game.session import Session
    from game.ui import flow
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen
    from game.ui.settings import Settings

    loaded, _ = flow.load_scenario(scenario)
    first = loaded.turns.order[0]
    roles = {a: ("human" if a == first else flow.default_difficulty()) for a in loaded.turns.order}
    app = App(size=(1280, 720), settings=Settings())
    app.show(PlayScreen(Session(loaded, 7, roles, autosave=None), briefed=first))
    for _ in range(5):
        app.step()
    app.hover_until = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        app.step(wait=True)
    return (time.process_time() - cpu0) / (time.perf_counter() - wall0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "peru_mexico_2025.yaml"))
    parser.add_argument("--seconds", type=float, default=6.0, help="how long to watch computer turns")
    args = parser.parse_args()
    ff = first_frame()
    times = computer_turns(args.scenario, args.seconds)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
    idle = idle_cpu(args.scenario, 5.0)
    print(f"first interactive frame (process start to title drawn): {ff:.3f} s   (goal ≤ 0.6 s)")
    print(f"play screen 1280×720, computer turns: {len(times)} frames, mean {statistics.mean(times):.2f} ms, "
          f"p95 {p95:.2f} ms, max {max(times):.2f} ms   (goals ≤ 4 ms, ≤ 8 ms)")
    print(f"idle play screen for 5 s: {idle:.1%} of one core   (goal ≤ 5 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
