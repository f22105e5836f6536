"""Words for what a move does, shared by the terminal, the screens and the AI's reasons."""

from __future__ import annotations

from game.engine.history import Change
from game.scenario.model import Effects, Move, Scenario


def amount(text: str) -> str:
    """'5' -> '+5', '-3' -> '−3'; a formula is shown as written."""
    try:
        return signed(float(text))
    except ValueError:
        return f"by {text}"


def effect_lines(scenario: Scenario, effects: Effects) -> list[str]:
    """One short line per change: 'Bilateral relations +5', 'Consular relations open: no'."""
    lines = [f"{scenario.label(name)} {amount(formula.text)}" for name, formula in effects.changes]
    lines += [f"{scenario.label(name)}: {'yes' if value else 'no'}" for name, value in effects.sets]
    lines += [f"later: {scenario.label(name)}" for name, _ in effects.schedule]
    return lines


def move_summary(scenario: Scenario, move: Move) -> list[str]:
    """What a move is likely to do: its effects, its chances, and where it leads."""
    lines = effect_lines(scenario, move.effects)
    for outcome in move.outcomes:
        detail = ", ".join(effect_lines(scenario, outcome.effects))
        lines.append(f"{outcome.chance:.0%}: {outcome.label}" + (f" ({detail})" if detail else ""))
    if move.to:
        lines.append(f"leads to: {scenario.phase_by_id[move.to].title}")
    return lines


def signed(value: float) -> str:
    """+5, −3 (a real minus sign), or 0."""
    return "0" if value == 0 else f"{value:+g}".replace("-", "−")


def change_text(scenario: Scenario, change: Change, as_delta: bool = False) -> str:
    """'Pressure 10 → 30' (or 'Pressure +20' with `as_delta`); 'Consular relations open: no'."""
    label = scenario.label(change.target)
    if change.kind != "indicator":
        return f"{label}: {'yes' if change.after else 'no'}"
    return f"{label} {signed(change.delta)}" if as_delta else f"{label} {change.before:g} → {change.after:g}"
