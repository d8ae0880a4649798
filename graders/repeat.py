"""pytest plugin for the soak: run every test ``--soak-repeat N`` times in one process.

Each test gets one more parameter ``soak<i>`` (0 ≤ i < N), so its node id carries
``soak<i>`` among its ids, and a soak can judge every round on its own. Fixtures wider than a
function (servers, samplers) are shared by the rounds, as they are by the tests of a
normal run.
"""

from __future__ import annotations

import re

import pytest

ROUND = re.compile(r"[\[-]soak(\d+)[\]-]")
# the round's id with the separator that joins it to the test's other ids, if any
ROUND_ID = re.compile(r"soak\d+-|-soak\d+|\[soak\d+\]")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--soak-repeat", type=int, default=1,
                     help="run every test this many times (soak rounds)")


@pytest.fixture
def soak_round(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    rounds = metafunc.config.getoption("soak_repeat")
    if rounds > 1:
        metafunc.fixturenames.append("soak_round")
        metafunc.parametrize("soak_round", range(rounds), indirect=True,
                             ids=[f"soak{i}" for i in range(rounds)])


def round_of(nodeid: str) -> int | None:
    """The soak round a node id belongs to, or None outside a repeated run."""
    match = ROUND.search(nodeid)
    return int(match.group(1)) if match else None


def test_of(nodeid: str) -> str:
    """The node id without its soak round: the same test in every round."""
    return ROUND_ID.sub("", nodeid)
