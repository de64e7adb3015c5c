"""The whole state of the test database in one digest: every node's labels and properties and every
relationship's type, ends and properties. Two equal digests are the same graph."""

import hashlib

from neo4j import Driver

NODES = """
MATCH (n) WITH n ORDER BY elementId(n)
RETURN elementId(n) AS id, labels(n) AS labels, [k IN keys(n) | [k, n[k]]] AS properties
"""
RELATIONSHIPS = """
MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
RETURN type(r) AS type, elementId(a) AS start, elementId(b) AS end, [k IN keys(r) | [k, r[k]]] AS properties
"""


def graph_state(driver: Driver, database: str | None = None) -> str:
    records = [driver.execute_query(query, database_=database).records for query in (NODES, RELATIONSHIPS)]
    return hashlib.sha256(repr([[dict(record) for record in part] for part in records]).encode()).hexdigest()
