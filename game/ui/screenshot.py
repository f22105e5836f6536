"""`parley screenshot`: arguments and entry point (being built)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True)


def cmd_screenshot(args: argparse.Namespace) -> int:
    print("screenshot is not available yet", file=sys.stderr)
    return 2
