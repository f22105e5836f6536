"""The teacher's session report: roles, ending and results, key moments, timeline, debrief."""

from __future__ import annotations

from game.cli import main
from game.engine import HOLD
from game.session import Session
from game.session.report import key_moments, session_report


def test_report_of_a_finished_game(tiny):
    session = Session(tiny, 3, {"north": "human", "south": "random"}, autosave=None)
    session.play("request")
    session.run_computers()
    while not session.game.over:
        session.play(HOLD) if session.human_turn else session.computer_move()
    text = session_report(session)
    assert text.startswith("# Parley session report: A tiny crisis\n")
    assert "- Government of North: a team of people" in text
    assert "- Government of South: the computer (random)" in text
    assert f"## Ending: {session.game.ending.title}" in text
    assert "| Government of North | " in text
    assert "- Day 1 — North: North requests safe-conduct\n  - Pressure 10 → 30\n" in text
    assert "## Questions for discussion\n\n1. Was it fair?" in text


def test_key_moments_are_the_biggest_swings_in_order(tiny):
    session = Session(tiny, 3, {"north": "human", "south": "human"}, autosave=None)
    session.play("request")   # pressure +20, relations -5, flag
    session.play(HOLD)
    moments = key_moments(session.game.history, count=1)
    assert [m.id for m in moments] == ["request"]


def test_report_command_reads_the_autosave(tiny, tmp_path, capsys):
    session = Session(tiny, 3, {"north": "human", "south": "random"})
    session.play("request")
    out = tmp_path / "report.md"
    assert main(["report", "--out", str(out)]) == 0
    assert "North requests safe-conduct" in out.read_text()


def test_report_of_a_missing_save_is_a_message(tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.json")]) == 1
    assert "no such save file" in capsys.readouterr().err
