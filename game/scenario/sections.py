"""One reader per kind of scenario entry: actors, indicators, flags, phases, moves, ..."""

from __future__ import annotations

import hashlib
from typing import Any

from game.scenario import model as m
from game.scenario.load import Located, Path
from game.scenario.read import _MISSING, COLOUR_RE, SUPPORTED_FORMATS, Fields, Reader, declare

TOP_KEYS = ("format", "id", "title", "summary", "language", "authors", "sources", "actors", "indicators",
            "flags", "phases", "moves", "events", "turns", "endings", "debrief", "tests", "balance")


def read_scenario(located: Located) -> tuple[m.Scenario | None, Reader]:
    """Build a `Scenario` from located data; the reader holds every problem found."""
    reader = Reader(located)
    top = reader.fields(located.data, (), "the scenario")
    if top is None:
        return None, reader
    fmt = top.get("format", int, None, required=True)
    if fmt is not None and fmt not in SUPPORTED_FORMATS:
        reader.report(("format",), "unsupported-format", f"format version {fmt} is not supported",
                      f"this Parley reads format {', '.join(map(str, SUPPORTED_FORMATS))}")
        return None, reader
    declare(reader, located.data)
    ident = top.ident("id")
    sources = {s.id: s for s in _each(reader, top, "sources", _source)}
    actors = {a.id: a for a in _each(reader, top, "actors", _actor, required=True)}
    indicators = tuple(_each(reader, top, "indicators", _indicator, required=True))
    flags = tuple(_each(reader, top, "flags", _flag))
    phases = tuple(_each(reader, top, "phases", _phase, required=True))
    moves = tuple(_each(reader, top, "moves", _move, required=True))
    events = tuple(_each(reader, top, "events", _event))
    turns_fields = reader.fields(top.raw("turns", True), ("turns",), "'turns'") if "turns" in located.data else None
    turns = _turns(reader, turns_fields) if turns_fields else None
    endings = tuple(_each(reader, top, "endings", _ending, required=True))
    debrief = _debrief(reader, top)
    tests = tuple(_each(reader, top, "tests", _playthrough))
    balance = tuple(_each(reader, top, "balance", _expectation))
    scenario_fields = {key: top.text(key, required=key in ("title", "summary"))
                       for key in ("title", "summary")}
    language = top.text("language", required=False, default="en")
    authors = tuple(str(a) for a in top.get("authors", list, []) or [])
    top.done()
    if turns is None or ident is None or any(p.is_error for p in reader.problems):
        return None, reader
    digest = hashlib.sha256(located.text.encode("utf-8")).hexdigest()
    scenario = m.Scenario(
        path=located.path, content_hash=digest, format=fmt, id=ident, language=language, authors=authors,
        sources=sources, actors=actors, indicators=indicators, flags=flags, phases=phases, moves=moves,
        events=events, turns=turns, endings=endings, debrief=debrief, tests=tests, balance=balance,
        move_by_id={x.id: x for x in moves}, phase_by_id={x.id: x for x in phases},
        event_by_id={x.id: x for x in events}, ending_by_id={x.id: x for x in endings},
        indicator_by_id={x.id: x for x in indicators}, flag_by_id={x.id: x for x in flags},
        **scenario_fields)
    return scenario, reader


def _each(reader: Reader, top: Fields, key: str, build: Any, required: bool = False) -> list[Any]:
    value = top.raw(key, required)
    if value is _MISSING:
        return []
    out = []
    for path, item in reader.items(value, (key,), f"'{key}'"):
        fields = reader.fields(item, path, f"{key[:-1] if key.endswith('s') else key} #{path[-1] + 1}")
        if fields is None:
            continue
        built = build(reader, fields)
        fields.done()
        if built is not None:
            out.append(built)
    if required and not out and isinstance(value, list) and not value:
        reader.report((key,), "missing-field", f"'{key}' is empty", f"declare at least one entry under '{key}'")
    return out


def _name(fields: Fields, kind: str) -> str:
    ident = fields.data.get("id")
    return f"{kind} '{ident}'" if isinstance(ident, str) else fields.what


def _source(reader: Reader, f: Fields) -> m.Source | None:
    f.what = _name(f, "source")
    ident = f.ident()
    title, url = f.text("title"), f.text("url", required=False)
    return m.Source(ident, title, url) if ident else None


def _actor(reader: Reader, f: Fields) -> m.Actor | None:
    f.what = _name(f, "actor")
    ident = f.ident()
    name = f.text("name")
    short = f.text("short", required=False, default=name)
    colour = f.text("colour", required=False, default="#808080")
    if not COLOUR_RE.match(colour):
        reader.report(f.path + ("colour",), "bad-value", f"'{colour}' is not a colour",
                      "write a hex colour such as '#D91023'")
    capital = _capital(reader, f)
    playable = f.get("playable", bool, False)
    briefing = None
    raw = f.raw("briefing", required=playable)
    if raw is not _MISSING:
        bf = reader.fields(raw, f.path + ("briefing",), f"the briefing of {f.what}")
        if bf:
            objectives = tuple(str(o) for o in bf.get("objectives", list, []) or [])
            briefing = m.Briefing(bf.text("public"), bf.text("private"), objectives)
            bf.done()
    stance = _stance(reader, f)
    return m.Actor(ident, name, short, colour, capital, playable, briefing, stance) if ident else None


def _capital(reader: Reader, f: Fields) -> m.Capital | None:
    raw = f.raw("capital")
    if raw is _MISSING:
        return None
    cf = reader.fields(raw, f.path + ("capital",), f"the capital of {f.what}")
    if cf is None:
        return None
    name = cf.text("name")
    lat, lon = cf.get("lat", float, 0.0, True), cf.get("lon", float, 0.0, True)
    for key, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
        if not -bound <= value <= bound:
            reader.report(f.path + ("capital", key), "out-of-range", f"{key} {value} is outside −{bound}…{bound}",
                          "latitude runs −90…90 (south negative), longitude −180…180 (west negative)")
    cf.done()
    return m.Capital(name, float(lat), float(lon))


def _stance(reader: Reader, f: Fields) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, value, where in f.entries("stance", "indicators", "the indicator"):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = float(value)
        else:
            reader.report(where, "wrong-type", f"the stance weight of '{name}' must be a number, found {value!r}",
                          "e.g. 2 for 'cares a lot', 0.5 for 'a little', -1 for 'wants it lower'")
    return out


def _indicator(reader: Reader, f: Fields) -> m.Indicator | None:
    f.what = _name(f, "indicator")
    ident = f.ident()
    label, description = f.text("label"), f.text("description", required=False)
    low, high = f.get("min", float, 0, True), f.get("max", float, 100, True)
    initial = f.get("initial", float, low, True)
    if low >= high:
        reader.report(f.path + ("max",), "out-of-range", f"max ({high}) must be greater than min ({low})")
    elif not low <= initial <= high:
        reader.report(f.path + ("initial",), "out-of-range",
                      f"initial value {initial} is outside the range {low}…{high} of {f.what}",
                      f"choose a value between {low} and {high}")
    good: dict[str, int] = {}
    for actor, direction, path in f.entries("good", "actors", "the actor"):
        if direction not in ("up", "down"):
            reader.report(path, "bad-value", f"'good' for {actor} must be 'up' or 'down', found {direction!r}")
        else:
            good[actor] = 1 if direction == "up" else -1
    index = f.index(ident)
    if ident is None or index is None:
        return None
    return m.Indicator(ident, index, label, description, float(low), float(high), float(initial), good)


def _flag(reader: Reader, f: Fields) -> m.Flag | None:
    f.what = _name(f, "flag")
    ident = f.ident()
    label, description = f.text("label"), f.text("description", required=False)
    initial = f.get("initial", bool, False)
    index = f.index(ident)
    return m.Flag(ident, index, label, description, initial) if ident and index is not None else None


def _phase(reader: Reader, f: Fields) -> m.Phase | None:
    f.what = _name(f, "phase")
    ident = f.ident()
    title, description = f.text("title"), f.text("description", required=False)
    initial = f.get("initial", bool, False)
    index = f.index(ident)
    return m.Phase(ident, index, title, description, initial) if ident and index is not None else None


def _basis(reader: Reader, f: Fields, required: bool) -> m.Basis | None:
    raw = f.raw("basis", required)
    if raw is _MISSING:
        return None
    bf = reader.fields(raw, f.path + ("basis",), f"the basis of {f.what}")
    if bf is None:
        return None
    text = bf.text("text")
    source = bf.get("source", str, "", required=True)
    if source:
        reader.check_ref(source, "sources", f.path + ("basis", "source"), "the source")
    bf.done()
    return m.Basis(text, source)


def _effects(reader: Reader, raw: Any, path: Path, what: str) -> m.Effects:
    if raw is _MISSING or raw is None:
        return m.Effects()
    ef = reader.fields(raw, path, f"the effects of {what}")
    if ef is None:
        return m.Effects()
    changes = []
    for name, text, where in ef.entries("change", "indicators", "the indicator"):
        formula = reader.expr(text, where, "num")
        if formula is not None:
            changes.append((name, formula))
    sets = []
    for name, value, where in ef.entries("set", "flags", "the flag"):
        if isinstance(value, bool):
            sets.append((name, value))
        else:
            reader.report(where, "wrong-type", f"flag '{name}' can only be set to true or false, found "
                          f"{value!r}", f"write '{name}: true' or '{name}: false'")
    schedule = []
    for spath, item in reader.items(ef.get("schedule", list, None), path + ("schedule",), "'schedule'"):
        sch = reader.fields(item, spath, "a scheduled event")
        if sch is None:
            continue
        event = sch.get("event", str, None, required=True)
        delay = sch.get("in", int, 1, required=True)
        if delay < 0:
            reader.report(spath + ("in",), "out-of-range", "'in' counts rounds from now and cannot be negative")
        sch.done()
        if event and reader.check_ref(event, "events", spath + ("event",), "the event"):
            schedule.append((event, delay))
    ef.done()
    return m.Effects(tuple(changes), tuple(sets), tuple(schedule))


def _phase_ref(reader: Reader, f: Fields, key: str, what: str) -> str | None:
    value = f.get(key, str, None)
    return reader.check_ref(value, "phases", f.path + (key,), what) if value is not None else None


def _move(reader: Reader, f: Fields) -> m.Move | None:
    f.what = _name(f, "move")
    ident = f.ident()
    actor = f.get("actor", str, None, required=True)
    if actor is not None:
        actor = reader.check_ref(actor, "actors", f.path + ("actor",), "the actor")
    label, description = f.text("label"), f.text("description", required=False)
    from_phases = None
    raw_from = f.raw("from")
    if isinstance(raw_from, str):
        from_phases = tuple(n for n in [reader.check_ref(raw_from, "phases", f.path + ("from",), "the phase")] if n)
    elif raw_from == []:
        reader.report(f.path + ("from",), "missing-field", f"'from' of {f.what} lists no phase",
                      "list the phases the move can be made in, or leave 'from' out for any phase")
        from_phases = ()
    elif raw_from is not _MISSING:
        entries = reader.items(raw_from, f.path + ("from",), "'from'")
        from_phases = tuple(n for n in (reader.check_ref(v, "phases", p, "the phase") for p, v in entries) if n)
    to = _phase_ref(reader, f, "to", "the phase")
    condition = _condition(reader, f, "condition")
    limit = f.get("limit", int, None)
    if limit is not None and limit < 1:
        reader.report(f.path + ("limit",), "out-of-range", "'limit' must be at least 1",
                      "leave 'limit' out for a move that can be made any number of times")
    effects = _effects(reader, f.raw("effects"), f.path + ("effects",), f.what)
    outcomes = _outcomes(reader, f)
    headline = f.text("headline", required=False, default=label)
    basis = _basis(reader, f, required=True)
    index = f.index(ident)
    if ident is None or index is None or actor is None:
        return None
    return m.Move(ident, index, actor, label, description, from_phases, to, condition,
                  limit, effects, outcomes, headline, basis, f.where())


def _condition(reader: Reader, f: Fields, key: str) -> m.Expr | None:
    raw = f.raw(key)
    return None if raw is _MISSING else reader.expr(raw, f.path + (key,), "bool")


def _outcomes(reader: Reader, f: Fields) -> tuple[m.Outcome, ...]:
    raw = f.raw("outcomes")
    if raw is _MISSING:
        return ()
    out = []
    for path, item in reader.items(raw, f.path + ("outcomes",), "'outcomes'"):
        of = reader.fields(item, path, f"outcome #{path[-1] + 1} of {f.what}")
        if of is None:
            continue
        chance = of.get("chance", float, 0.0, required=True)
        if not 0 < chance <= 1:
            reader.report(path + ("chance",), "out-of-range", f"chance {chance} must be above 0 and at most 1",
                          "write probabilities as fractions: 0.25 for one time in four")
        label = of.text("label", required=False, default=f"outcome {path[-1] + 1}")
        effects = _effects(reader, of.raw("effects"), path + ("effects",), of.what)
        to = _phase_ref(reader, of, "to", "the phase")
        headline = of.text("headline", required=False)
        of.done()
        out.append(m.Outcome(float(chance), label, effects, to, headline))
    total = sum(o.chance for o in out)
    if out and abs(total - 1) > 1e-6:
        reader.report(f.path + ("outcomes",), "outcome-chances",
                      f"the chances of the outcomes of {f.what} add up to {total:g}, not 1",
                      "make the chances sum to exactly 1")
    return tuple(out)


def _event(reader: Reader, f: Fields) -> m.Event | None:
    f.what = _name(f, "event")
    ident = f.ident()
    title, description = f.text("title"), f.text("description", required=False)
    when = _condition(reader, f, "when")
    at_round = f.get("at_round", int, None)
    if at_round is not None and at_round < 1:
        reader.report(f.path + ("at_round",), "out-of-range", "'at_round' must be 1 or more")
    chance = f.get("chance", float, 1.0)
    if not 0 < chance <= 1:
        reader.report(f.path + ("chance",), "out-of-range", f"chance {chance} must be above 0 and at most 1")
    repeat = f.get("repeat", bool, False)
    scheduled_only = f.get("scheduled_only", bool, False)
    to = _phase_ref(reader, f, "to", "the phase")
    effects = _effects(reader, f.raw("effects"), f.path + ("effects",), f.what)
    headline = f.text("headline", required=False, default=title)
    basis = _basis(reader, f, required=False)
    index = f.index(ident)
    if ident is None or index is None:
        return None
    return m.Event(ident, index, title, description, when, at_round, float(chance),
                   repeat, scheduled_only, to, effects, headline, basis, f.where())


def _turns(reader: Reader, f: Fields) -> m.Turns | None:
    order = []
    for path, actor in reader.items(f.get("order", list, [], required=True), f.path + ("order",), "'order'"):
        if actor in order:
            reader.report(path, "bad-value", f"'{actor}' appears twice in the turn order",
                          "each actor acts once per round; list it once")
        elif reader.check_ref(actor, "actors", path, "the actor"):
            order.append(actor)
    label = f.text("round_label", required=False, default="Round {round}")
    max_rounds = f.get("max_rounds", int, 10, required=True)
    if max_rounds < 1:
        reader.report(f.path + ("max_rounds",), "out-of-range", "'max_rounds' must be at least 1")
    timeout = f.get("timeout_ending", str, None, required=True)
    if timeout is not None:
        timeout = reader.check_ref(timeout, "endings", f.path + ("timeout_ending",), "the ending")
    f.done()
    if not order:
        reader.report(f.path + ("order",), "missing-field", "'order' names no actor",
                      "list the actors who take turns, e.g. [mexico, peru]")
    return m.Turns(tuple(order), label, max_rounds, timeout) if timeout and order else None


def _ending(reader: Reader, f: Fields) -> m.Ending | None:
    f.what = _name(f, "ending")
    ident = f.ident()
    title, narrative = f.text("title"), f.text("narrative")
    phase = _phase_ref(reader, f, "phase", "the phase")
    condition = _condition(reader, f, "condition")
    results = {}
    for actor, value, path in f.entries("results", "actors", "the actor"):
        sf = reader.fields(value, path, f"the result of {actor} in {f.what}")
        if sf is None:
            continue
        score_raw = sf.raw("score", True)
        score = None if score_raw is _MISSING else reader.expr(score_raw, path + ("score",), "num")
        text = sf.text("text", required=False)
        sf.done()
        if score is not None:
            results[actor] = m.Result(score, text)
    return m.Ending(ident, title, phase, condition, narrative, results, f.where()) if ident else None


def _debrief(reader: Reader, top: Fields) -> m.Debrief:
    raw = top.raw("debrief")
    if raw is _MISSING:
        return m.Debrief()
    df = reader.fields(raw, ("debrief",), "the debrief")
    if df is None:
        return m.Debrief()
    texts = {key: tuple(str(x) for x in (df.get(key, list, []) or [])) for key in ("uncertain", "questions")}
    sources = []
    for path, name in reader.items(df.get("sources", list, []), ("debrief", "sources"), "'sources'"):
        if reader.check_ref(name, "sources", path, "the source"):
            sources.append(name)
    what = df.text("what_happened", required=False)
    df.done()
    return m.Debrief(what, texts["uncertain"], texts["questions"], tuple(sources))


def _playthrough(reader: Reader, f: Fields) -> m.Playthrough | None:
    name = f.text("name", required=False, default=f.what)
    f.what = f"test '{name}'"
    seed = f.get("seed", int, 0, required=True)
    moves = []
    for path, move in reader.items(f.get("moves", list, [], required=True), f.path + ("moves",), "'moves'"):
        if move == "hold" or reader.check_ref(move, "moves", path, "the move"):
            moves.append(move)
    expect_ending, check = None, None
    raw = f.raw("expect")
    if raw is not _MISSING:
        ef = reader.fields(raw, f.path + ("expect",), f"'expect' of {f.what}")
        if ef:
            ending = ef.get("ending", str, None)
            if ending is not None:
                expect_ending = reader.check_ref(ending, "endings", f.path + ("expect", "ending"), "the ending")
            raw_check = ef.raw("check")
            if raw_check is not _MISSING:
                check = reader.expr(raw_check, f.path + ("expect", "check"), "bool")
            ef.done()
    return m.Playthrough(name, int(seed), tuple(moves), expect_ending, check, f.where())


def _expectation(reader: Reader, f: Fields) -> m.Expectation | None:
    f.what = "a balance expectation"
    ending = f.get("ending", str, None, required=True)
    if ending is not None:
        ending = reader.check_ref(ending, "endings", f.path + ("ending",), "the ending")
    share = f.get("share", list, None, required=True)
    policy = f.text("policy", required=False, default="greedy")
    low = high = None
    if share is not None:
        if len(share) == 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in share) \
                and 0 <= share[0] <= share[1] <= 1:
            low, high = float(share[0]), float(share[1])
        else:
            reader.report(f.path + ("share",), "bad-value", "'share' must be [low, high] with 0 ≤ low ≤ high ≤ 1",
                          "e.g. share: [0.1, 0.4] for between 10 % and 40 % of games")
    if ending is None or low is None or high is None:
        return None
    return m.Expectation(ending, low, high, policy, f.where())
