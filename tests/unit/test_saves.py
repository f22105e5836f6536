"""Sessions and saves: round trip, autosave after every move, atomic writes, corrupt files
and saves from another version of the scenario are refused with a message."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from game.engine import HOLD
from game.errors import SaveError
from game.scenario import load_scenario
from game.session import Session, autosave_path, read_save, write_save
from game.session.catalog import scenario_for_save

from tests.conftest import DATA


def new_session(tiny, **kw):
    return Session(tiny, 11, {"north": "human", "south": "random"}, **kw)


def test_save_and_load_round_trip(tiny, tmp_path):
    session = new_session(tiny, autosave=None)
    session.play("request")
    session.run_computers()
    path = session.save(tmp_path / "game.json")
    data = read_save(path)
    assert (data["format"], data["version"], data["seed"]) == ("parley-save", 1, 11)
    assert data["scenario"] == {"id": "tiny_crisis", "hash": tiny.content_hash, "path": str(DATA / "tiny.yaml")}
    loaded = Session.from_save(data, scenario_for_save(data), autosave=None)
    assert [r.as_dict() for r in loaded.game.history] == [r.as_dict() for r in session.game.history]
    assert loaded.roles == session.roles and loaded.game.reasons == session.game.reasons


def test_autosave_after_every_move(tiny):
    session = new_session(tiny)
    session.play("request")
    assert read_save(autosave_path())["moves"] == ["request"]
    session.run_computers()
    assert len(read_save(autosave_path())["moves"]) == 2


def test_writes_are_atomic_and_keep_the_old_save_if_writing_fails(tmp_path):
    target = tmp_path / "save.json"
    write_save(target, {"scenario": {"id": "x", "hash": "h"}, "seed": 1, "roles": {}, "moves": ["a"]})
    with pytest.raises(TypeError):
        write_save(target, {"scenario": {"id": "x", "hash": "h"}, "seed": 1, "roles": {}, "moves": [object()]})
    assert read_save(target)["moves"] == ["a"]
    assert [p.name for p in tmp_path.iterdir()] == ["save.json"]  # no temporary file left behind


@pytest.mark.parametrize("content, message", [
    ("{not json", "this save is damaged (not valid JSON)"),
    ('{"format": "something-else"}', "this is not a Parley save"),
    ('{"format": "parley-save", "version": 99, "min_version": 99}', "made by a newer Parley"),
    ('{"format": "parley-save", "version": 1, "seed": 1, "roles": {}, "moves": []}', "does not say which scenario"),
    ('{"format": "parley-save", "version": 1, "scenario": {"id": "a", "hash": "b"}, "seed": 1, "roles": {},'
     ' "moves": [3]}', "its list of moves is missing"),
])
def test_corrupt_saves_are_refused_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(SaveError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_save(path)


def test_a_save_whose_moves_cannot_be_replayed_is_refused(tiny, tmp_path):
    session = new_session(tiny, autosave=None)
    session.play("request")
    data = session.to_save()
    data["moves"] = ["grant"]  # north cannot grant
    with pytest.raises(SaveError, match="cannot be replayed"):
        Session.from_save(data, tiny, autosave=None)


def test_a_save_from_another_version_of_the_scenario_is_refused(tiny, tmp_path):
    copy = tmp_path / "tiny.yaml"
    shutil.copy(DATA / "tiny.yaml", copy)
    session = Session(load_scenario(str(copy)), 3, {"north": "human"}, autosave=None)
    session.play("request")
    data = session.to_save()
    copy.write_text(copy.read_text().replace("initial: 10", "initial: 12"))
    with pytest.raises(SaveError, match="another version of the scenario 'tiny_crisis'"):
        scenario_for_save(data)


def test_undo_takes_back_the_last_human_move_and_the_computer_replies(tiny):
    session = new_session(tiny, autosave=None)
    session.play("propose_talks")
    session.run_computers()
    before = [r.as_dict() for r in session.game.history]
    session.play("request")
    session.run_computers()
    assert session.undo()
    assert [r.as_dict() for r in session.game.history] == before
    assert session.undo() and session.game.moves == []
    assert not session.undo()


def test_restart_keeps_seed_and_roles(tiny):
    session = new_session(tiny, autosave=None)
    session.play(HOLD)
    fresh = session.restart()
    assert (fresh.seed, fresh.roles, fresh.game.moves) == (11, session.roles, [])


def test_the_session_refuses_a_human_move_on_a_computer_turn(tiny):
    from game.engine import IllegalMove

    session = new_session(tiny, autosave=None)
    session.play(HOLD)
    with pytest.raises(IllegalMove):
        session.play(HOLD)
