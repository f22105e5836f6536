"""Words for what a move does, shared by the terminal, the screens and the AI's reasons."""

from __future__ import annotations

from game.scenario.model import Effects, Move, Scenario


def amount(text: str) -> str:
    """'5' -> '+5', '-3' -> '−3'; a formula is shown as written."""
    try:
        value = float(text)
    except ValueError:
        return f"by {text}"
    return f"{value:+g}".replace("-", "−")


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
