"""The validator: every error code has a small file under tests/data/bad/ whose expected
lines (`# expect: line:col: severity[code]: message`) are asserted exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import check_file, check_text

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
BAD_FILES = sorted(BAD.glob("*.yaml"))


def expectations(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [f"{path}:{line.split('# expect: ', 1)[1]}" for line in text.splitlines() if line.startswith("# expect: ")]


def test_every_bad_file_states_what_it_expects():
    assert len(BAD_FILES) >= 38
    for path in BAD_FILES:
        assert expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.stem)
def test_bad_file_gets_exactly_its_located_problems(path, capsys):
    run_tests = ["--run-tests"] if path.stem == "test-failed" else []
    code = main(["validate", str(path), *run_tests])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if not line.startswith("    hint: ")]
    assert lines == expectations(path)
    expected_code = path.stem.split("--")[0]
    assert f"[{expected_code}]" in out
    is_error = any("error[" in line for line in lines)
    assert code == (1 if is_error else 0)


@pytest.mark.parametrize("path", [p for p in BAD_FILES if "hint" not in p.stem], ids=lambda p: p.stem)
def test_every_error_comes_with_a_hint_or_a_clear_message(path):
    _, problems = check_file(str(path))
    for problem in problems:
        assert problem.message and problem.line >= 1 and problem.col >= 1


def test_codes_are_documented():
    doc = (ROOT / "docs" / "error-codes.md").read_text(encoding="utf-8")
    codes = {p.stem.split("--")[0] for p in BAD_FILES} | {"file-missing", "file-is-directory", "file-too-large"}
    missing = sorted(c for c in codes if f"`{c}`" not in doc)
    assert not missing, f"undocumented codes: {missing}"


def test_all_problems_in_a_file_are_reported_in_one_run(tmp_path):
    text = (ROOT / "tests" / "data" / "mini.yaml").read_text()
    text = text.replace("    label: Settle\n", "    lable: Settle\n").replace("to: closed", "to: clossed")
    text = text.replace('"trust > 2"', '"trsut > 2"').replace("max_rounds: 3", "max_rounds: many")
    _, problems = check_text(text, "many.yaml")
    codes = sorted(p.code for p in problems)
    assert codes == ["expr-unknown-name", "missing-field", "unknown-key", "unknown-reference", "wrong-type"]


def test_missing_path_and_directory_are_one_line_errors(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml"), str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{tmp_path / 'nope.yaml'}:0:0: error[file-missing]: no such file"
    assert out[2] == f"{tmp_path}:0:0: error[file-is-directory]: this is a directory, not a scenario file"


def test_oversized_file_is_refused_without_reading_it(tmp_path, capsys):
    big = tmp_path / "big.yaml"
    big.write_text("title: x\n" + "# padding\n" * 120_000)
    assert main(["validate", str(big)]) == 1
    assert "error[file-too-large]" in capsys.readouterr().out


def test_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"format: 1\nid: !!python/object/apply:os.system ['touch {marker}']\n"
    _, problems = check_text(text, "evil.yaml")
    assert [p.code for p in problems] == ["yaml-tag"]
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    _, problems = check_text("\n".join(lines), "laughs.yaml")
    assert [p.code for p in problems] == ["yaml-too-many-aliases"]


def test_recursive_alias_is_refused():
    _, problems = check_text("a: &a [*a]\n", "loop.yaml")
    assert problems and problems[0].code in ("yaml-too-deep", "yaml-syntax")


def test_json_output_has_the_same_problems(capsys):
    path = BAD / "unknown-reference.yaml"
    assert main(["validate", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1
    problem = report["problems"][0]
    assert (problem["line"], problem["col"], problem["code"]) == (26, 9, "unknown-reference")
    assert problem["hint"] == "did you mean 'closed'?"


def test_usage_error_exits_2():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_warnings_do_not_fail_the_run(capsys):
    assert main(["validate", str(BAD / "unused-flag.yaml")]) == 0
    assert "warning[unused-flag]" in capsys.readouterr().out


def test_expression_column_points_inside_the_expression():
    path = BAD / "expr-unknown-name.yaml"
    _, problems = check_file(str(path))
    line = path.read_text().splitlines()[problems[0].line - 1]
    assert line[problems[0].col - 1:].startswith("trsut")
