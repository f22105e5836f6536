"""The balance lab: reproducible whatever the number of processes, counts that add up,
bounded memory, a report in three forms, and balance expectations checked with locations."""

from __future__ import annotations

import json
import pickle
import random

import pytest

from game.engine import Game
from game.lab.cli import _policies
from game.lab.report import percentile, summary, wilson
from game.lab.runner import DECIDERS, Run, game_seed, make_run, play_game, simulate
from game.lab.tally import Tally
from game.scenario import check_text

from tests.conftest import DATA


def test_results_are_identical_whatever_the_number_of_processes(tiny):
    run = make_run(tiny, 300, 42, {"south": "random"}, default="greedy")
    one, two = simulate(run, jobs=1), simulate(run, jobs=2)
    assert summary(run, one) == summary(run, two)
    assert one.games == 300


def test_another_seed_gives_other_games_and_the_same_seed_the_same(tiny):
    a = simulate(make_run(tiny, 200, 1, default="random"), jobs=1)
    b = simulate(make_run(tiny, 200, 2, default="random"), jobs=1)
    again = simulate(make_run(tiny, 200, 1, default="random"), jobs=1)
    assert a == again and a != b
    assert len({game_seed(1, i) for i in range(1000)}) == 1000


def test_the_tally_counts_what_the_games_did(tiny):
    run = make_run(tiny, 40, 9, default="random")
    tally = simulate(run, jobs=1)
    deciders = {role: DECIDERS[name] for role, name in run.policies.items()}
    endings, made, fired = {}, [0] * len(tiny.moves), [0] * len(tiny.events)
    for i in range(40):
        game = play_game(tiny, deciders, game_seed(9, i), Tally.empty(tiny))
        endings[game.state.ending] = endings.get(game.state.ending, 0) + 1
        made = [m + n for m, n in zip(made, game.state.made)]
        fired = [f + bool(n) for f, n in zip(fired, game.state.fired)]
    assert {k: v for k, v in tally.endings.items() if v} == endings
    assert tally.made == made and tally.fired == fired
    assert sum(tally.rounds) == 40
    data = summary(run, tally)
    assert data["never_taken"] == [m.id for m in tiny.moves if not made[m.index]]
    for row in data["trajectories"].values():  # every round's histogram counts every game
        assert len(row["median"]) == tiny.turns.max_rounds + 1
    assert all(sum(h) == 40 for rnd in tally.trajectory for h in rnd)


def test_a_finished_game_keeps_its_final_values_in_later_rounds(tiny):
    tally = Tally.empty(tiny)
    game = play_game(tiny, {"north": lambda g, a, r: "request", "south": lambda g, a, r: "grant"},
                     7, tally)
    assert game.state.ending == "departed" and game.state.round == 1
    relations = tiny.indicator_by_id["relations"].index
    final = game.state.ind[relations]
    low = tally.lows[relations]
    assert [row[relations].index(1) + low for row in tally.trajectory] == [0] + [final] * tiny.turns.max_rounds


def test_memory_does_not_grow_with_the_number_of_games(tiny):
    small = simulate(make_run(tiny, 30, 3, default="random"), jobs=1)
    large = simulate(make_run(tiny, 600, 3, default="random"), jobs=1)
    shape = lambda t: (len(t.made), len(t.rounds), [[len(h) for h in r] for r in t.trajectory])  # noqa: E731
    assert shape(small) == shape(large)
    assert len(pickle.dumps(large)) < 1.2 * len(pickle.dumps(small))


def test_merging_chunks_equals_tallying_in_one_go(tiny):
    run = Run(tiny, {"north": "random", "south": "random"}, 60, 5)
    deciders = {role: DECIDERS["random"] for role in run.policies}
    whole = Tally.empty(tiny)
    for i in range(60):
        play_game(tiny, deciders, game_seed(5, i), whole)
    assert simulate(run, jobs=1) == whole


def test_wilson_interval_and_percentiles():
    low, high = wilson(5, 10)
    assert low == pytest.approx(0.2366, abs=1e-4) and high == pytest.approx(0.7634, abs=1e-4)
    assert wilson(0, 10)[0] == 0.0 and wilson(0, 10)[1] == pytest.approx(0.2775, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)
    assert percentile([0, 5, 0, 5], 0.5) == 1 and percentile([0, 5, 0, 5], 0.9, offset=10) == 13


def test_policy_arguments_accept_difficulties_and_all(tiny, capsys):
    assert _policies(["all=hard", "north=easy"], tiny.turns.order) == {"all": "lookahead", "north": "stance"}
    assert _policies(["west=greedy"], tiny.turns.order) is None
    assert _policies(["north=genius"], tiny.turns.order) is None
    assert "genius" in capsys.readouterr().err


def test_simulate_prints_the_report_and_writes_json_and_a_chart(tmp_path, capsys):
    from game.cli import main

    out_json, out_png = tmp_path / "r.json", tmp_path / "r.png"
    code = main(["simulate", str(DATA / "tiny.yaml"), "--games", "200", "--jobs", "2", "--policy", "south=random",
                 "--json", str(out_json), "--plot", str(out_png)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    for heading in ("Endings", "95% CI", "Length:", "Average score", "Moves chosen", "Phases visited",
                    "Dead content", "Indicators at the end of each round"):
        assert heading in printed.out
    assert "[#" not in printed.err  # no progress bar when stderr is not a terminal
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["games"] == 200 and data["policies"] == {"north": "greedy", "south": "random"}
    assert sum(e["games"] for e in data["endings"]) == 200
    assert set(data["trajectories"]) == {"relations", "pressure"}
    import pygame

    image = pygame.image.load(str(out_png))
    assert image.get_width() == 1200 and image.get_height() > 300


def _with_balance(block: str):
    text = (DATA / "tiny.yaml").read_text(encoding="utf-8") + "balance:\n" + block
    scenario, problems = check_text(text, "balanced.yaml")
    assert scenario is not None, [p.format() for p in problems]
    return scenario, text


def test_check_reports_a_failed_expectation_at_its_line_and_column(tmp_path, capsys):
    from game.cli import main

    block = ("  - {ending: departed, share: [0.0, 1.0]}\n"
             "  - {ending: stalemate, share: [0.9, 1.0], policy: random}\n")
    _, text = _with_balance(block)
    path = tmp_path / "balanced.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["simulate", str(path), "--games", "300", "--check", "--jobs", "1"])
    out = capsys.readouterr().out.strip().splitlines()
    line = text.splitlines().index("  - {ending: stalemate, share: [0.9, 1.0], policy: random}") + 1
    assert code == 1
    assert out[0].startswith(f"{path}:{line}:5: error[balance]: the ending 'stalemate' was reached in ")
    assert "under random play" in out[0] and "expected between 90% and 100%" in out[0]
    assert len([x for x in out if "error[balance]" in x]) == 1


def test_check_passes_when_every_expectation_holds(tmp_path, capsys):
    from game.cli import main

    _, text = _with_balance("  - {ending: departed, share: [0.0, 1.0], policy: normal}\n")
    path = tmp_path / "ok.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["simulate", str(path), "--games", "100", "--check"]) == 0
    assert "error" not in capsys.readouterr().out


def test_check_rejects_an_unknown_policy_with_its_location(tmp_path, capsys):
    from game.cli import main

    _, text = _with_balance("  - {ending: departed, share: [0.0, 1.0], policy: genius}\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["simulate", str(path), "--games", "50", "--check"]) == 1
    assert "error[balance]: 'genius' is not a policy" in capsys.readouterr().out


def test_a_game_with_every_policy_reaches_an_ending(tiny):
    for name, decide in DECIDERS.items():
        game = Game(tiny, 1, fast=True, record=False)
        rng = random.Random(1)
        while not game.over:
            game.play(decide(game, game.current_actor, rng))
        assert game.over, name


def test_the_progress_bar_waits_a_moment_then_counts_games():
    import io

    from game.lab.cli import Progress

    stream = io.StringIO()
    bar = Progress(100, "games", stream, delay=0.0)
    bar(40)
    bar(60)
    text = stream.getvalue()
    assert "40/100 games" in text and "100/100 games" in text
    assert text.endswith("\n") and "#" * 30 in text
    quiet = io.StringIO()
    Progress(100, "games", quiet, delay=60.0)(50)
    assert quiet.getvalue() == ""
