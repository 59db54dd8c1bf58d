"""Every Cypher statement, as named constants. Labels and types come only from schema enums.

Templates with `{label}` / `{type}` are filled by `for_label` / `for_type`, which accept only
`NodeLabel` / `LinkType` members; every value is a `$parameter`.
"""

from __future__ import annotations

from schemas.enums import LinkType, NodeLabel


def for_label(template: str, label: NodeLabel) -> str:
    return template.replace("{label}", NodeLabel(label).value)


def for_type(template: str, link_type: LinkType) -> str:
    return template.replace("{type}", LinkType(link_type).value)


CONSTRAINTS = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n._label)",
    "CREATE INDEX revision_entity IF NOT EXISTS FOR (v:Revision) ON (v.entity_id)",
    "CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)",
    "CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE (d.kind, d.key) IS UNIQUE",
)
LINK_INDEX = "CREATE INDEX rel_{type}_id IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id)"

EXISTING_NODES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n._label AS kind, n._hash AS hash, n._version AS version
"""
EXISTING_LINKS = """
MATCH ()-[r:{type}]->() WHERE r.id IN $ids
RETURN r.id AS id, type(r) AS kind, r._hash AS hash, r._version AS version
"""
MISSING_NODES = """
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n WHERE n IS NULL
RETURN id
"""

CREATE_NODES = """
UNWIND $rows AS row
CREATE (n:Entity:{label} {id: row.id})
SET n += row.flat, n._label = $label, n._doc = row.doc, n._hash = row.hash, n._terms = row.terms,
    n._version = 1, n._created_at = $now, n._updated_at = $now,
    n._created_by = $actor, n._updated_by = $actor
"""
UPDATE_NODES = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CREATE (:Revision {entity_id: n.id, version: n._version, doc: n._doc,
                   changed_at: n._updated_at, changed_by: n._updated_by})
WITH n, row, n._version AS version, n._created_at AS created_at, n._created_by AS created_by,
     n._label AS label
SET n = row.flat
SET n.id = row.id, n._label = label, n._doc = row.doc, n._hash = row.hash,
    n._terms = row.terms, n._version = version + 1, n._created_at = created_at,
    n._created_by = created_by, n._updated_at = $now, n._updated_by = $actor
"""
CREATE_LINKS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:{type}]->(b)
SET r += row.flat, r.id = row.id, r._doc = row.doc, r._hash = row.hash, r._version = 1,
    r._created_at = $now, r._updated_at = $now, r._created_by = $actor, r._updated_by = $actor
"""
UPDATE_LINKS = """
UNWIND $rows AS row
MATCH ()-[old:{type} {id: row.id}]->()
CREATE (:Revision {entity_id: old.id, version: old._version, doc: old._doc,
                   changed_at: old._updated_at, changed_by: old._updated_by})
WITH old, row, old._version AS version, old._created_at AS created_at,
     old._created_by AS created_by
DELETE old
WITH row, version, created_at, created_by
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:{type}]->(b)
SET r += row.flat, r.id = row.id, r._doc = row.doc, r._hash = row.hash,
    r._version = version + 1, r._created_at = created_at, r._created_by = created_by,
    r._updated_at = $now, r._updated_by = $actor
"""
NODE_VERSION = "MATCH (n:Entity {id: $id}) RETURN n._label AS label, n._version AS version"

_NODE_RETURN = """n.id AS id, n._label AS label, n._doc AS doc, n._version AS version,
       n._created_at AS created_at, n._updated_at AS updated_at,
       n._created_by AS created_by, n._updated_by AS updated_by"""
_LINK_RETURN = """r.id AS id, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
       r._doc AS doc, r._version AS version, r._created_at AS created_at,
       r._updated_at AS updated_at, r._created_by AS created_by, r._updated_by AS updated_by"""

GET_NODES = f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}) RETURN {_NODE_RETURN}"
GET_LINK = f"MATCH ()-[r:{{type}}]->() WHERE r.id = $id RETURN {_LINK_RETURN}"
LINKS_OF = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})-[r]-(:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN DISTINCT {_LINK_RETURN}
"""
ITER_NODES = f"""
MATCH (n:Entity) WHERE n.id > $after AND ($labels IS NULL OR n._label IN $labels)
RETURN {_NODE_RETURN} ORDER BY n.id LIMIT $page
"""
ITER_LINKS = f"MATCH ()-[r:{{type}}]->() RETURN {_LINK_RETURN}"
HISTORY = """
MATCH (v:Revision {entity_id: $id})
RETURN v.entity_id AS entity_id, v.version AS version, v.doc AS doc,
       v.changed_at AS changed_at, v.changed_by AS changed_by
ORDER BY v.version
"""
FIND = """
MATCH (n:Entity)
WHERE any(t IN n._terms WHERE any(p IN $prefixes WHERE t STARTS WITH p))
RETURN n.id AS id LIMIT $limit
"""
COUNT_NODES = "MATCH (n:Entity) RETURN n._label AS kind, count(*) AS n"
COUNT_LINKS = "MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS kind, count(*) AS n"
SHORTEST_PATHS = """
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[*..{max_hops}]-(b))
WHERE $types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types)
RETURN [n IN nodes(p) | n.id] AS ids
"""
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
APPEND_AUDIT = """
CREATE (:AuditEntry {at: $at, seq: $seq, actor: $actor, role: $role, action: $action,
                     entity_ids: $entity_ids, purpose: $purpose, outcome: $outcome,
                     detail: $detail})
"""
AUDIT_ENTRIES = """
MATCH (a:AuditEntry) WHERE a.at >= $since
RETURN a.at AS at, a.actor AS actor, a.role AS role, a.action AS action,
       a.entity_ids AS entity_ids, a.purpose AS purpose, a.outcome AS outcome,
       a.detail AS detail
ORDER BY a.at, a.seq
"""
PING = "RETURN 1 AS ok"

DOCUMENT_VERSION = "MATCH (d:Document {kind: $kind, key: $key}) RETURN d.version AS version"
PUT_DOCUMENT = """
MERGE (d:Document {kind: $kind, key: $key})
SET d.doc = $doc, d.version = $version
"""
GET_DOCUMENT = (
    "MATCH (d:Document {kind: $kind, key: $key}) RETURN d.doc AS doc, d.version AS version"
)
LIST_DOCUMENTS = "MATCH (d:Document {kind: $kind}) RETURN d.key AS key, d.doc AS doc ORDER BY d.key"

BUMP_REVISION = """
MERGE (m:StoreMeta {key: 'revision'})
ON CREATE SET m.epoch = randomUUID(), m.value = 0
SET m.value = m.value + 1
"""
REVISION = "MATCH (m:StoreMeta {key: 'revision'}) RETURN m.epoch AS epoch, m.value AS value"
