"""The Neo4j circuit: open after a failure, every call refused at once with when to come back, closed by a
probe that succeeds; the API's connection-acquisition timeout comes from the settings."""

import asyncio

import pytest

from app.settings import Settings
from graph.circuit import Circuit, probe_while_open
from graph.driver import driver_options, translated_errors
from graph.errors import GraphUnavailable


def test_an_open_circuit_refuses_at_once_and_says_when_to_come_back() -> None:
    circuit = Circuit(probe_seconds=1.5)
    circuit.check()  # closed: nothing happens

    circuit.open("Neo4j at bolt://x does not answer")

    with pytest.raises(GraphUnavailable, match="does not answer") as refused:
        circuit.check()
    assert refused.value.retry_after == 1.5
    circuit.close()
    circuit.check()


def test_an_open_circuit_keeps_the_driver_out() -> None:
    circuit = Circuit(probe_seconds=1.0)
    circuit.open("down")
    reached = []

    with pytest.raises(GraphUnavailable), translated_errors("bolt://x", circuit):
        reached.append(True)

    assert reached == []


def test_the_probe_closes_the_circuit_once_neo4j_answers() -> None:
    circuit = Circuit(probe_seconds=0.01)
    circuit.open("down")
    answers = iter([False, False, True])

    async def probe() -> None:
        if not next(answers):
            raise ConnectionError("refused")

    async def run() -> None:
        task = asyncio.create_task(probe_while_open(circuit, probe))
        while circuit.is_open:
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(run())

    assert not circuit.is_open


def test_the_acquisition_timeout_is_a_setting() -> None:
    settings = Settings(neo4j_acquisition_timeout_seconds=0.7)

    options = driver_options(settings.neo4j, retry_seconds=0.3)

    assert options["connection_acquisition_timeout"] == 0.7
    assert options["connection_timeout"] == 0.7
    assert options["max_transaction_retry_time"] == 0.3
