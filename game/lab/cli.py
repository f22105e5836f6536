"""`parley simulate`: arguments and entry point (being built)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", nargs="?")


def cmd_simulate(args: argparse.Namespace) -> int:
    print("simulate is not available yet", file=sys.stderr)
    return 2
