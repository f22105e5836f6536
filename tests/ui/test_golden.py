"""Golden images of the title, play and ending screens, compared with a tolerance.

Regenerate the references (after a deliberate change of look) with
    PARLEY_UPDATE_GOLDEN=1 python -m pytest tests/ui/test_golden.py
On a mismatch a side-by-side picture (reference | now | differences) is written to
tests/ui/failures/."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pygame
import pytest

from tests.ui.conftest import TINY

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
FAILURES = HERE / "failures"
DISTANCE = 0.12  # colour distance (0…1) under which two pixels count as equal (anti-aliasing)
MAX_SHARE = 0.004  # share of pixels allowed to differ

CASES = {
    "title": dict(screen="title", moves=""),
    "play": dict(screen="play", moves="request,refuse"),
    "ending": dict(screen="ending", moves="request,hold,hold,grant"),
}


def differing(expected: pygame.Surface, actual: pygame.Surface) -> tuple[int, pygame.Surface]:
    """How many pixels differ, and a picture of where (black; equal pixels are white)."""
    marks = pygame.PixelArray(expected.copy()).compare(pygame.PixelArray(actual.copy()), distance=DISTANCE)
    picture = marks.make_surface()
    marks.close()
    same = pygame.mask.from_threshold(picture, (255, 255, 255), (1, 1, 1, 255)).count()
    return picture.get_width() * picture.get_height() - same, picture


def side_by_side(expected, actual, diff, path: Path) -> None:
    w, h = expected.get_size()
    out = pygame.Surface((w * 3, h))
    out.blit(expected, (0, 0))
    out.blit(actual, (w, 0))
    out.blit(diff, (2 * w, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(out, str(path))


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, tmp_path):
    from game.ui.screenshot import render
    args = argparse.Namespace(out=str(tmp_path / f"{name}.png"), scenario=str(TINY), seed=1, size="1024x600",
                              **CASES[name])
    render(args)
    actual = pygame.image.load(args.out).convert()
    reference = GOLDEN / f"{name}.png"
    if os.environ.get("PARLEY_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(actual, str(reference))
        return
    assert reference.is_file(), f"no reference image {reference}; create it with PARLEY_UPDATE_GOLDEN=1"
    expected = pygame.image.load(str(reference)).convert()
    assert expected.get_size() == actual.get_size()
    count, diff = differing(expected, actual)
    share = count / (actual.get_width() * actual.get_height())
    if share > MAX_SHARE:
        side_by_side(expected, actual, diff, FAILURES / f"{name}.png")
        pytest.fail(f"{name}: {share:.2%} of pixels differ (allowed {MAX_SHARE:.2%}); "
                    f"see {FAILURES / (name + '.png')}")
