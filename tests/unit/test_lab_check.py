"""The shipped scenario meets the balance its authors declared (`simulate --check`)."""

from __future__ import annotations

from game.cli import main
from game.session.catalog import DEFAULT_SCENARIO


def test_the_shipped_scenario_meets_its_balance_expectations(capsys):
    code = main(["simulate", str(DEFAULT_SCENARIO), "--check", "--games", "1000", "--seed", "1"])
    printed = capsys.readouterr()
    assert code == 0, printed.out + printed.err
    assert "error[balance]" not in printed.out
