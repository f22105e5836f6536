"""Scenario files: load YAML safely, validate it, compile it into frozen definitions."""

from __future__ import annotations

from game.errors import Problem, ScenarioError
from game.scenario.checks import run_checks
from game.scenario.load import load_located, parse_located
from game.scenario.model import Scenario
from game.scenario.sections import read_scenario

__all__ = ["Scenario", "check_file", "check_text", "load_scenario"]


def check_text(text: str, path: str) -> tuple[Scenario | None, list[Problem]]:
    """Validate scenario text; return the scenario (None if any error) and every problem."""
    located, problems = parse_located(text, path)
    return _finish(located, problems)


def check_file(path: str) -> tuple[Scenario | None, list[Problem]]:
    """Validate a scenario file; return the scenario (None if any error) and every problem."""
    located, problems = load_located(path)
    return _finish(located, problems)


def _finish(located, problems: list[Problem]) -> tuple[Scenario | None, list[Problem]]:
    if located is None:
        return None, problems
    scenario, reader = read_scenario(located)
    if scenario is not None:
        run_checks(scenario, reader)
    problems = problems + reader.problems
    problems.sort(key=lambda p: (p.line, p.col))
    if any(p.is_error for p in problems):
        return None, problems
    return scenario, problems


def load_scenario(path: str) -> Scenario:
    """Load a scenario for play, raising `ScenarioError` with every error if it is broken."""
    scenario, problems = check_file(path)
    if scenario is None:
        raise ScenarioError([p for p in problems if p.is_error])
    return scenario
