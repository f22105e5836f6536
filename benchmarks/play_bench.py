"""Figures for the core: how long validating the bundled scenario takes, and how many whole
games per second the play path runs (the transitions Machine, full history, the terminal's
computer policy) with every role computer-run, over 1,000 seeds.

    python benchmarks/play_bench.py [SCENARIO] [--seeds N] [--policy NAME]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.scenario import check_file  # noqa: E402
from game.session import Session  # noqa: E402
from game.session.catalog import DEFAULT_SCENARIO  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO))
    parser.add_argument("--seeds", type=int, default=1000)
    parser.add_argument("--policy", default="random")
    args = parser.parse_args()

    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        scenario, problems = check_file(args.scenario)
    per_check = (time.perf_counter() - start) / runs
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", args.scenario], check=True,
                   capture_output=True)
    command = time.perf_counter() - start
    print(f"validate {Path(args.scenario).name}: {per_check * 1000:.1f} ms in-process (mean of {runs}), "
          f"{command:.2f} s for the whole command (Python start-up included)")

    assert scenario is not None
    endings: dict[str, int] = {}
    moves = 0
    start = time.perf_counter()
    for seed in range(args.seeds):
        roles = {actor: args.policy for actor in scenario.turns.order}
        session = Session(scenario, seed, roles, autosave=None)
        session.run_computers()
        assert session.game.over, f"seed {seed} did not end"
        endings[session.game.state.ending] = endings.get(session.game.state.ending, 0) + 1
        moves += len(session.game.moves)
    elapsed = time.perf_counter() - start
    print(f"{args.seeds} games ({args.policy} policy, play path with history): {elapsed:.2f} s = "
          f"{args.seeds / elapsed:.0f} games/s, {elapsed / moves * 1e6:.1f} µs per move incl. the policy; "
          f"every game ended")
    for ending, count in sorted(endings.items(), key=lambda item: -item[1]):
        print(f"  {ending:<28} {count / args.seeds:6.1%}")


if __name__ == "__main__":
    main()
