"""Whatever an author's file looks like, the validator answers with problems, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import check_text

from tests.conftest import DATA

LINES = (DATA / "tiny.yaml").read_text(encoding="utf-8").splitlines()
SNIPPETS = ["", "  ", "- ", ": ", "{", "}", "[", "]", '"', "'", "&a ", "*a", "!!str ", "#", "yes", "-5", "1e9",
            "null", "~", "not", "round", "relations", "(", ")", "\t", "é", "\\", "|", ">", "?", "%", "@"]


def mutate(lines: list[str], edits: list[tuple[int, int, int, str]]) -> str:
    out = list(lines)
    for kind, where, col, snippet in edits:
        if not out:
            break
        i = where % len(out)
        if kind == 0:
            del out[i]
        elif kind == 1:
            out.insert(i, out[(where * 7) % len(out)])
        else:
            line = out[i]
            c = col % (len(line) + 1)
            out[i] = line[:c] + snippet + line[c + (kind == 3):]
    return "\n".join(out) + "\n"


edit = st.tuples(st.integers(0, 3), st.integers(0, 10_000), st.integers(0, 200), st.sampled_from(SNIPPETS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, min_size=1, max_size=6))
def test_mutated_scenarios_get_problems_not_exceptions(edits):
    text = mutate(LINES, edits)
    scenario, problems = check_text(text, "fuzz.yaml")
    if scenario is None:
        assert any(p.is_error for p in problems)
    for problem in problems:
        assert problem.code and problem.message
        assert problem.line >= 0 and problem.col >= 0
        assert "\n" not in problem.message


EXPR_ALPHABET = st.sampled_from(list("relations pressure round and or not ( ) < > = ! + - * / % . , 0 1 9 abs min max "
                                     "visits made fired in_phase true false ' \" [ ] { } : ; _ é λ \\ ** ~ lambda"))


@settings(max_examples=500, deadline=None)
@given(st.lists(EXPR_ALPHABET, max_size=40).map("".join))
def test_any_expression_text_is_compiled_or_refused_with_an_expression_error(text):
    from game.scenario.expressions import ExprError, Symbol, compile_expr

    namespace = {"relations": Symbol("num", 0, "Relations"), "pressure": Symbol("num", 1, "Pressure"),
                 "requested": Symbol("bool", 0, "Requested")}
    for want in ("bool", "num"):
        try:
            expr = compile_expr(text, namespace, want)
        except ExprError as exc:
            assert exc.code.startswith("expr-") or exc.code == "wrong-type"
            assert 0 <= exc.offset <= len(text)
        else:
            assert expr.tree.type == want
