"""Turning a tally into what an author reads: shares with confidence intervals, lengths,
move frequencies, dead content, scores and indicator trajectories (as data and as text)."""

from __future__ import annotations

import math
from typing import Any

from game.lab.runner import Run
from game.lab.tally import Tally

Z95 = 1.959963984540054


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion: honest near 0 % and 100 % and for few games."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def percentile(histogram: list[int], q: float, offset: int = 0) -> int:
    """The value below which a share `q` of the counted games lie (nearest rank)."""
    total = sum(histogram)
    if total == 0:
        return offset
    rank = max(1, math.ceil(q * total))
    seen = 0
    for k, count in enumerate(histogram):
        seen += count
        if seen >= rank:
            return k + offset
    return len(histogram) - 1 + offset


def summary(run: Run, tally: Tally) -> dict[str, Any]:
    """Everything the report shows, as plain data (this is the JSON output)."""
    s, n = run.scenario, tally.games
    return {
        "scenario": {"id": s.id, "path": s.path, "hash": s.content_hash},
        "games": n, "seed": run.seed, "policies": dict(run.policies),
        "endings": [_ending(tally, e.id, e.title, n) for e in s.endings],
        "length": _length(tally),
        "moves": {actor: _moves(run, tally, actor) for actor in s.turns.order},
        "phases": {p.id: {"title": p.title, "games": tally.visited[p.index],
                          "share": tally.visited[p.index] / n if n else 0.0} for p in s.phases},
        "never_taken": [m.id for m in s.moves if not tally.made[m.index]],
        "never_fired": [e.id for e in s.events if not tally.fired[e.index]],
        "never_visited": [p.id for p in s.phases if not tally.visited[p.index]],
        "events": {e.id: {"title": e.title, "games": tally.fired[e.index],
                          "share": tally.fired[e.index] / n if n else 0.0} for e in s.events},
        "scores": {actor: _score(tally, actor) for actor in tally.score_sum},
        "trajectories": _trajectories(run, tally),
    }


def _ending(tally: Tally, ident: str, title: str, n: int) -> dict[str, Any]:
    hits = tally.endings.get(ident, 0)
    low, high = wilson(hits, n)
    return {"id": ident, "title": title, "games": hits, "share": hits / n if n else 0.0, "ci95": [low, high]}


def _length(tally: Tally) -> dict[str, Any]:
    n = tally.games
    mean = sum(r * c for r, c in enumerate(tally.rounds)) / n if n else 0.0
    return {"rounds_mean": mean, "moves_mean": tally.plies / n if n else 0.0,
            "rounds_percentiles": {f"p{q}": percentile(tally.rounds, q / 100) for q in (10, 25, 50, 75, 90)},
            "rounds_histogram": list(tally.rounds)}


def _moves(run: Run, tally: Tally, actor: str) -> dict[str, Any]:
    turns = tally.turns.get(actor, 0)
    rows = {m.id: {"label": m.label, "made": tally.made[m.index], "games": tally.made_games[m.index],
                   "per_turn": tally.made[m.index] / turns if turns else 0.0}
            for m in run.scenario.moves_of(actor)}
    rows["hold"] = {"label": "Hold", "made": tally.holds.get(actor, 0), "games": None,
                    "per_turn": tally.holds.get(actor, 0) / turns if turns else 0.0}
    return {"policy": run.policies.get(actor, ""), "turns": turns, "choices": rows}


def _score(tally: Tally, actor: str) -> dict[str, Any]:
    n = tally.games
    if n == 0:
        return {"mean": 0.0, "sd": 0.0, "ci95": [0.0, 0.0]}
    mean = tally.score_sum[actor] / n
    var = max(0.0, tally.score_sq[actor] / n - mean * mean) * (n / (n - 1) if n > 1 else 1.0)
    half = Z95 * math.sqrt(var / n)
    return {"mean": mean, "sd": math.sqrt(var), "ci95": [mean - half, mean + half]}


def _trajectories(run: Run, tally: Tally) -> dict[str, Any]:
    out = {}
    for i, ind in enumerate(run.scenario.indicators):
        lo = tally.lows[i]
        rows = [row[i] for row in tally.trajectory]
        out[ind.id] = {"label": ind.label, "min": ind.min, "max": ind.max,
                       "p10": [percentile(h, 0.10, lo) for h in rows],
                       "median": [percentile(h, 0.50, lo) for h in rows],
                       "p90": [percentile(h, 0.90, lo) for h in rows]}
    return out


# -- text ---------------------------------------------------------------------------------------
def text(run: Run, data: dict[str, Any]) -> str:
    """The terminal report."""
    s = run.scenario
    lines = [f"{s.title} — {data['games']} games, seed {data['seed']}",
             "policies: " + ", ".join(f"{a}={p}" for a, p in data["policies"].items()), "", "Endings"]
    for e in sorted(data["endings"], key=lambda e: -e["share"]):
        low, high = e["ci95"]
        lines.append(f"  {e['title'][:40]:<40} {e['share']:7.1%}   95% CI {low:6.1%} – {high:6.1%}"
                     f"   ({e['games']})")
    ln = data["length"]
    pct = ln["rounds_percentiles"]
    lines += ["", f"Length: {ln['rounds_mean']:.1f} rounds on average ({ln['moves_mean']:.1f} moves); "
              f"p10 {pct['p10']}, median {pct['p50']}, p90 {pct['p90']} rounds", "", "Average score"]
    for actor, sc in data["scores"].items():
        lines.append(f"  {s.actors[actor].short:<12} {sc['mean']:+7.1f}  (95% CI {sc['ci95'][0]:+.1f} … "
                     f"{sc['ci95'][1]:+.1f}, sd {sc['sd']:.1f})")
    lines += ["", "Moves chosen (share of the actor's turns)"]
    for actor, block in data["moves"].items():
        lines.append(f"  {s.actors[actor].short} ({block['policy']}, {block['turns']} turns)")
        for ident, row in sorted(block["choices"].items(), key=lambda kv: -kv[1]["made"]):
            lines.append(f"    {row['label'][:44]:<44} {row['per_turn']:6.1%}  ({row['made']})")
    lines += ["", "Phases visited (share of games)"]
    for ident, row in data["phases"].items():
        lines.append(f"  {row['title'][:44]:<44} {row['share']:6.1%}")
    lines += ["", "Events fired (share of games)"]
    for ident, row in data["events"].items():
        lines.append(f"  {row['title'][:44]:<44} {row['share']:6.1%}")
    lines += ["", "Dead content"]
    lines.append("  moves never taken:   " + (", ".join(data["never_taken"]) or "none"))
    lines.append("  events never fired:  " + (", ".join(data["never_fired"]) or "none"))
    lines.append("  phases never reached: " + (", ".join(data["never_visited"]) or "none"))
    lines += ["", "Indicators at the end of each round: median (10th to 90th percentile); "
              "a finished game keeps its final values"]
    lines += _trajectory_lines(data["trajectories"], s.turns.max_rounds)
    return "\n".join(lines)


def _trajectory_lines(trajectories: dict[str, Any], max_rounds: int) -> list[str]:
    step = max(1, math.ceil(max_rounds / 6))
    rounds = sorted(set(range(0, max_rounds + 1, step)) | {max_rounds})
    out = ["  " + " " * 28 + "".join(f"{'start' if r == 0 else 'round ' + str(r):>17}" for r in rounds)]
    for ident, t in trajectories.items():
        cells = "".join(f"{t['median'][r]:>5} ({t['p10'][r]:>4} to {t['p90'][r]:<4})" for r in rounds)
        out.append(f"  {t['label'][:28]:<28}{cells}")
    return out
