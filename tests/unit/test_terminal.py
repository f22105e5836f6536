"""Play in the terminal, scripted through a pipe as a person (or a teacher's script) would."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import DATA, ROOT


def play(*args: str, stdin: str = "", env_dir=None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "--text", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, env=env)


def test_a_whole_game_from_a_pipe_reaches_the_ending_and_debrief():
    result = play(str(DATA / "tiny.yaml"), "--human", "north", "--seed", "3", stdin="1\n0\n0\n0\n0\n0\n")
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "=== Day 1 of 6 — Government of North to move ===" in out
    assert "Private objectives (only you see these):" in out
    assert "##### " in out and "Results:" in out and "Government of North (you):" in out
    assert "== Debrief: what really happened ==" in out
    assert "Traceback" not in result.stderr


def test_why_explains_a_move_and_an_unavailable_one():
    out = play(str(DATA / "tiny.yaml"), "--human", "north", "--seed", "3", stdin="why 1\n1\nwhy 2\nquit\n").stdout
    assert "  - Pressure +20\n  - Relations −5\n  - Safe-conduct requested: yes\n" in out
    assert "Real-world basis: Caracas Art. XII" in out
    # after requesting once, the request is listed as unavailable, with the reasons in words
    flat = " ".join(out.split())
    assert "Not available now: already made; 'Safe-conduct requested' must be false (it is true now)" in flat


def test_unknown_commands_and_numbers_are_answered_not_crashed():
    result = play(str(DATA / "tiny.yaml"), "--human", "north", "--seed", "1", stdin="hello\n42\nhelp\nquit\n")
    assert "'hello' is not a command" in result.stdout
    assert "There is no move 42" in result.stdout
    assert "why N" in result.stdout
    assert result.returncode == 0


def test_input_ending_early_keeps_the_autosave(tmp_path):
    result = play(str(DATA / "tiny.yaml"), "--human", "north", "--seed", "1", stdin="1\n")
    assert "Input ended. The game is autosaved in" in result.stdout
    resumed = play("--continue", stdin="0\n" * 20)
    assert "Continuing the game saved in" in resumed.stdout
    assert "Results:" in resumed.stdout


def test_human_none_lets_the_computer_play_to_an_ending():
    result = play(str(DATA / "tiny.yaml"), "--human", "none", "--seed", "8")
    assert result.returncode == 0 and "Results:" in result.stdout


def test_asks_for_a_role_when_none_is_given():
    out = play(str(DATA / "tiny.yaml"), "--seed", "2", stdin="2\n3\n0\n0\n0\n0\n0\n0\n").stdout
    assert "Which role will you play in 'A tiny crisis'?" in out and "== Your role: Government of South ==" in out
    assert "How well should the computer play the other roles?" in out
    assert "(why: " in out and "chosen at random" not in out  # North is computer-run at the 'hard' level


def test_a_broken_scenario_is_reported_not_played():
    result = play(str(DATA / "bad" / "unknown-reference.yaml"), "--human", "none")
    assert result.returncode == 1
    assert "error[unknown-reference]" in result.stderr and "Traceback" not in result.stderr


def test_a_corrupt_save_is_refused_with_a_message(tmp_path):
    bad = tmp_path / "save.json"
    bad.write_text("{ nope")
    result = play("--load", str(bad))
    assert result.returncode == 1 and "this save is damaged" in result.stderr and "Traceback" not in result.stderr
