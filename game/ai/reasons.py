"""Reasons a person can read: why a computer-run actor made its move.

The sentence quotes the numbers the policy weighed (the expected change of the indicators
the actor cares about, the ending a move would bring and what it is worth), so the
terminal's "(why: …)", the news feed and the debrief all tell the same story.
"""

from __future__ import annotations

from game.ai.forecast import Forecast
from game.ai.values import Outlook
from game.engine import Game


def signed(value: float) -> str:
    """+8, −3, +0.5: a change as a player reads it (a real minus sign)."""
    text = f"{value:+.0f}" if abs(value) >= 1 or value == 0 else f"{value:+.1f}"
    return text.replace("-", "−")


def because(game: Game, forecast: Forecast, outlook: Outlook, extra: str = "") -> str:
    """`Mexico chose 'Request safe-conduct' — it gains Asylee's safety +8 at little cost to
    Bilateral relations (−3).` Holding is explained too."""
    s = game.scenario
    short = s.actors[outlook.actor].short
    if forecast.move == "hold":
        text = f"{short} held: no move open to it promised more than waiting"
    else:
        label = s.move_by_id[forecast.move].label
        text = f"{short} chose '{label}' — " + "; ".join(_clauses(game, forecast, outlook))
    return text + (f". {extra}" if extra else "") + "."


def _clauses(game: Game, forecast: Forecast, outlook: Outlook) -> list[str]:
    s = game.scenario
    out = []
    ending_clause = _endings(game, forecast, outlook)
    if ending_clause:
        out.append(ending_clause)
    stance = _stance(game, forecast, outlook)
    if stance:
        out.append(stance)
    elif not ending_clause:
        if forecast.flags:
            names = ", ".join(f"{s.flags[i].label}: {'yes' if v else 'no'}" for i, v in forecast.flags.items())
            out.append(f"it sets up what comes next ({names})")
        elif forecast.phase:
            out.append(f"it moves the crisis to '{s.phase_by_id[forecast.phase].title}'")
        else:
            out.append("nothing else open to it did better")
    odds = _odds(game, forecast)
    if odds:
        out.append(odds)
    return out


def _endings(game: Game, forecast: Forecast, outlook: Outlook) -> str:
    s = game.scenario
    if not forecast.endings:
        return ""
    ending_id, chance = max(forecast.endings.items(), key=lambda kv: kv[1])
    title = s.ending_by_id[ending_id].title
    if chance >= 0.999:
        return f"it ends the crisis with '{title}', worth {signed(forecast.score)} to {s.actors[outlook.actor].short}"
    return f"{chance:.0%} chance it ends the crisis with '{title}'"


def _stance(game: Game, forecast: Forecast, outlook: Outlook) -> str:
    """Name the biggest gains for the actor's stance, and what they cost."""
    s = game.scenario
    scored = []
    for i, delta in forecast.deltas.items():
        weight = outlook.weights.get(s.indicators[i].id, 0.0)
        if weight and abs(delta) >= 0.05:
            ind = s.indicators[i]
            scored.append((weight * delta / (ind.max - ind.min), ind.label, delta))
    gains = sorted((x for x in scored if x[0] > 0), reverse=True)
    costs = sorted(x for x in scored if x[0] < 0)
    if not gains and not costs:
        return ""
    if not gains:
        worst = ", ".join(f"{label} ({signed(d)})" for _, label, d in costs[:2])
        return f"the least harmful option open to it, though it costs {worst}"
    text = "it gains " + " and ".join(f"{label} {signed(d)}" for _, label, d in gains[:2])
    if costs:
        loss, gain = -sum(c for c, _, _ in costs), sum(g for g, _, _ in gains)
        named = ", ".join(f"{label} ({signed(d)})" for _, label, d in costs[:2])
        text += f" at little cost to {named}" if loss <= gain / 3 else f" at a cost to {named}"
    return text


def _odds(game: Game, forecast: Forecast) -> str:
    move = game.scenario.move_by_id.get(forecast.move)
    if move is None or not move.outcomes:
        return ""
    return "odds: " + ", ".join(f"{o.chance:.0%} {o.label}" for o in move.outcomes)
