"""The embedded default store: stdlib sqlite3, WAL mode, one connection per thread."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graphdb.base import Existing, GraphStore, WriteResult, plan_writes
from graphdb.errors import Conflict, IntegrityError, NotFound, StoreError, StoreUnavailable
from graphdb.sqlite_schema import BUMP_REVISION, MIGRATIONS
from graphdb.terms import search_terms
from schemas.audit import AuditEntry, utc_now
from schemas.enums import LinkType, NodeLabel
from schemas.records import (
    LinkRow,
    Meta,
    NodeRow,
    Revision,
    StoredLink,
    StoredNode,
    canonical_json,
    text_hash,
)

CHUNK = 5000


_NODE_COLS = "id, label, props, version, created_at, updated_at, created_by, updated_by"
_LINK_COLS = (
    "id, type, source, target, props, version, created_at, updated_at, created_by, updated_by"
)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


_LABELS = {label.value: label for label in NodeLabel}
_TYPES = {link_type.value: link_type for link_type in LinkType}


def _node(row: sqlite3.Row | tuple[Any, ...]) -> StoredNode:
    return StoredNode(row[0], _LABELS[row[1]], json.loads(row[2]), Meta(*row[3:8]))


def _link(row: sqlite3.Row | tuple[Any, ...]) -> StoredLink:
    return StoredLink(row[0], _TYPES[row[1]], row[2], row[3], json.loads(row[4]), Meta(*row[5:10]))


class SqliteStore(GraphStore):
    """Embedded store in one SQLite file; safe for several threads and processes."""

    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)

    # -- connections ----------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(
                    self.path, timeout=60, isolation_level=None, check_same_thread=False
                )
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA busy_timeout=60000")
                # 128 MiB page cache: index inserts at county scale thrash the 2 MiB default.
                conn.execute("PRAGMA cache_size=-131072")
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"cannot open the embedded store at {self.path}") from exc
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreUnavailable("the embedded store is busy or unreadable") from exc
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"embedded store read failed: {exc}") from exc

    # -- lifecycle ------------------------------------------------------------------------
    def init(self) -> None:
        conn = self._conn()
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                conn.executescript(
                    f"BEGIN IMMEDIATE; {script}; PRAGMA user_version = {number}; COMMIT;"
                )
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreUnavailable(f"cannot initialise the embedded store: {exc}") from exc

    def revision(self) -> str:
        rows = dict(self._read("SELECT key, value FROM store_meta"))
        return f"sqlite:{self.path}:{rows['epoch']}:{rows['revision']}"

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def wipe(self) -> None:
        with self._tx() as conn:
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall():
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
            conn.execute("PRAGMA user_version = 0")
        self.init()

    # -- writes ---------------------------------------------------------------------------
    def _existing_in(self, conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Existing]:
        found: dict[str, Existing] = {}
        for part in _chunks(list(ids)):
            marks = _marks(len(part))
            for table, kind in (("nodes", "label"), ("links", "type")):
                sql = f"SELECT id, {kind}, hash, version FROM {table} WHERE id IN ({marks})"  # noqa: S608
                for row in conn.execute(sql, part):
                    found[row[0]] = Existing(row[1], row[2], row[3])
        return found

    def existing(self, ids: Iterable[str]) -> dict[str, Existing]:
        return self._existing_in(self._conn(), list(ids))

    def write(
        self, nodes: Sequence[NodeRow], links: Sequence[LinkRow], *, actor: str
    ) -> WriteResult:
        now = utc_now()
        with self._tx() as conn:
            node_plan = plan_writes(nodes, self._existing_in(conn, [n.id for n in nodes]))
            self._write_nodes(conn, node_plan.create, node_plan.update, actor, now)
            link_plan = plan_writes(links, self._existing_in(conn, [x.id for x in links]))
            self._check_ends(conn, links)
            self._write_links(conn, link_plan.create, link_plan.update, actor, now)
            if node_plan.create or node_plan.update or link_plan.create or link_plan.update:
                conn.execute(BUMP_REVISION)
        return WriteResult(node_plan.result(), link_plan.result())

    def _write_nodes(
        self,
        conn: sqlite3.Connection,
        create: list[tuple[Any, str, str]],
        update: list[tuple[Any, str, str]],
        actor: str,
        now: str,
    ) -> None:
        conn.executemany(
            f"INSERT INTO nodes ({_NODE_COLS}, hash) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",  # noqa: S608 (constants and ? marks only)
            [(r.id, str(r.label), doc, now, now, actor, actor, h) for r, h, doc in create],
        )
        self._keep_revisions(conn, "nodes", [r.id for r, _, _ in update])
        conn.executemany(
            "UPDATE nodes SET props=?, hash=?, version=version+1, updated_at=?, updated_by=? "
            "WHERE id=?",
            [(doc, h, now, actor, r.id) for r, h, doc in update],
        )
        changed = [r for r, _, _ in create] + [r for r, _, _ in update]
        for part in _chunks([r.id for r, _, _ in update]):
            conn.execute(f"DELETE FROM terms WHERE node_id IN ({_marks(len(part))})", part)  # noqa: S608
        conn.executemany(
            "INSERT INTO terms (node_id, field, term) VALUES (?, ?, ?)",
            [(r.id, f, t) for r in changed for f, t in search_terms(r.label, r.properties)],
        )

    def _write_links(
        self,
        conn: sqlite3.Connection,
        create: list[tuple[Any, str, str]],
        update: list[tuple[Any, str, str]],
        actor: str,
        now: str,
    ) -> None:
        conn.executemany(
            f"INSERT INTO links ({_LINK_COLS}, hash) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",  # noqa: S608 (constants and ? marks only)
            [
                (
                    r.id,
                    str(r.type),
                    r.source,
                    r.target,
                    doc,
                    now,
                    now,
                    actor,
                    actor,
                    h,
                )
                for r, h, doc in create
            ],
        )
        self._keep_revisions(conn, "links", [r.id for r, _, _ in update])
        conn.executemany(
            "UPDATE links SET props=?, hash=?, source=?, target=?, version=version+1, "
            "updated_at=?, updated_by=? WHERE id=?",
            [(doc, h, r.source, r.target, now, actor, r.id) for r, h, doc in update],
        )

    def _keep_revisions(self, conn: sqlite3.Connection, table: str, ids: list[str]) -> None:
        for part in _chunks(ids):
            conn.execute(
                f"INSERT INTO revisions (entity_id, version, props, changed_at, changed_by) "  # noqa: S608
                f"SELECT id, version, props, updated_at, updated_by FROM {table} "
                f"WHERE id IN ({_marks(len(part))})",
                part,
            )

    def _check_ends(self, conn: sqlite3.Connection, links: Sequence[LinkRow]) -> None:
        ends = sorted({e for x in links for e in (x.source, x.target)})
        known: set[str] = set()
        for part in _chunks(ends):
            sql = f"SELECT id FROM nodes WHERE id IN ({_marks(len(part))})"  # noqa: S608
            known.update(row[0] for row in conn.execute(sql, part))
        for link in links:
            for end in (link.source, link.target):
                if end not in known:
                    raise IntegrityError(f"link {link.id}: no node with id {end}")

    def update_node(
        self,
        node_id: str,
        properties: dict[str, object],
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> StoredNode:
        with self._tx() as conn:
            row = conn.execute("SELECT label, version FROM nodes WHERE id=?", (node_id,)).fetchone()
            if row is None:
                raise NotFound(f"no node with id {node_id}")
            if expected_version is not None and row[1] != expected_version:
                raise Conflict.stale(node_id, row[1], expected_version)
            node = NodeRow(node_id, NodeLabel(row[0]), dict(properties))
            document = canonical_json(node.properties)
            self._write_nodes(conn, [], [(node, text_hash(document), document)], actor, utc_now())
            conn.execute(BUMP_REVISION)
        stored = self.get_node(node_id)
        assert stored is not None
        return stored

    # -- reads ----------------------------------------------------------------------------
    def get_nodes(self, node_ids: Iterable[str]) -> dict[str, StoredNode]:
        ids = list(dict.fromkeys(node_ids))
        found: dict[str, StoredNode] = {}
        for part in _chunks(ids):
            sql = f"SELECT {_NODE_COLS} FROM nodes WHERE id IN ({_marks(len(part))})"  # noqa: S608
            found.update((r[0], _node(r)) for r in self._read(sql, part))
        return found

    def get_link(self, link_id: str) -> StoredLink | None:
        rows = self._read(f"SELECT {_LINK_COLS} FROM links WHERE id=?", (link_id,))  # noqa: S608
        return _link(rows[0]) if rows else None

    def history(self, entity_id: str) -> list[Revision]:
        rows = self._read(
            "SELECT entity_id, version, props, changed_at, changed_by FROM revisions "
            "WHERE entity_id=? ORDER BY version",
            (entity_id,),
        )
        return [Revision(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def _find_ids(self, prefixes: list[tuple[str, str]], limit: int) -> set[str]:
        ids: set[str] = set()
        for field, prefix in prefixes:
            rows = self._read(
                "SELECT DISTINCT node_id FROM terms WHERE field=? AND term >= ? AND term < ? "
                "LIMIT ?",
                (field, prefix, prefix + "\U0010ffff", limit),
            )
            ids.update(r[0] for r in rows)
        return ids

    def links_of(
        self, node_ids: Iterable[str], *, types: Iterable[LinkType] | None = None
    ) -> list[StoredLink]:
        ids = list(dict.fromkeys(node_ids))
        type_list = [str(t) for t in types] if types else None
        found: dict[str, StoredLink] = {}
        type_sql = f" AND type IN ({_marks(len(type_list))})" if type_list else ""
        for part in _chunks(ids, 2000):
            marks = _marks(len(part))
            for end in ("source", "target"):
                sql = f"SELECT {_LINK_COLS} FROM links WHERE {end} IN ({marks}){type_sql}"  # noqa: S608
                for row in self._read(sql, [*part, *(type_list or [])]):
                    found[row[0]] = _link(row)
        return [found[k] for k in sorted(found)]

    def iter_nodes(self, labels: Iterable[NodeLabel] | None = None) -> Iterator[StoredNode]:
        wanted = [str(label) for label in labels] if labels else None
        where = f" WHERE label IN ({_marks(len(wanted))})" if wanted else ""
        cursor = self._conn().execute(
            f"SELECT {_NODE_COLS} FROM nodes{where} ORDER BY id",  # noqa: S608 (constants and ? marks only)
            wanted or [],
        )
        for row in cursor:
            yield _node(row)

    def iter_links(self, types: Iterable[LinkType] | None = None) -> Iterator[StoredLink]:
        wanted = [str(t) for t in types] if types else None
        where = f" WHERE type IN ({_marks(len(wanted))})" if wanted else ""
        cursor = self._conn().execute(
            f"SELECT {_LINK_COLS} FROM links{where} ORDER BY id",  # noqa: S608 (constants and ? marks only)
            wanted or [],
        )
        for row in cursor:
            yield _link(row)

    def counts(self) -> dict[str, int]:
        rows = self._read("SELECT label, COUNT(*) FROM nodes GROUP BY label")
        rows += self._read("SELECT type, COUNT(*) FROM links GROUP BY type")
        return {str(k): int(v) for k, v in sorted(rows)}

    # -- documents ------------------------------------------------------------------------
    def put_document(
        self, kind: str, key: str, doc: dict[str, object], *, expected_version: int | None = None
    ) -> int:
        with self._tx() as conn:
            row = conn.execute(
                "SELECT version FROM documents WHERE kind=? AND key=?", (kind, key)
            ).fetchone()
            current = row[0] if row else 0
            if expected_version is not None and current != expected_version:
                raise Conflict(f"{kind} {key} was changed by someone else; reload and try again")
            conn.execute(
                "INSERT OR REPLACE INTO documents (kind, key, doc, version) VALUES (?, ?, ?, ?)",
                (kind, key, canonical_json(doc), current + 1),
            )
        return current + 1

    def get_document(self, kind: str, key: str) -> tuple[dict[str, object], int] | None:
        rows = self._read("SELECT doc, version FROM documents WHERE kind=? AND key=?", (kind, key))
        return (json.loads(rows[0][0]), int(rows[0][1])) if rows else None

    def list_documents(self, kind: str) -> list[tuple[str, dict[str, object]]]:
        rows = self._read("SELECT key, doc FROM documents WHERE kind=? ORDER BY key", (kind,))
        return [(r[0], json.loads(r[1])) for r in rows]

    # -- audit ----------------------------------------------------------------------------
    def append_audit(self, entry: AuditEntry) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO audit (at, actor, role, action, entity_ids, purpose, outcome, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.at,
                    entry.actor,
                    entry.role,
                    entry.action,
                    json.dumps(entry.entity_ids),
                    entry.purpose,
                    entry.outcome,
                    entry.detail,
                ),
            )

    def audit_entries(self, *, since: str | None = None) -> list[AuditEntry]:
        rows = self._read(
            "SELECT at, actor, role, action, entity_ids, purpose, outcome, detail FROM audit "
            "WHERE at >= ? ORDER BY seq",
            (since or "",),
        )
        return [
            AuditEntry(
                at=r[0],
                actor=r[1],
                role=r[2],
                action=r[3],
                entity_ids=json.loads(r[4]),
                purpose=r[5],
                outcome=r[6],
                detail=r[7],
            )
            for r in rows
        ]
