"""One contract suite, run unchanged against every GraphStore backend (ids: sqlite / neo4j)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from graphdb import Conflict, IntegrityError, NotFound, SearchField
from graphdb.base import GraphStore
from schemas.audit import AuditEntry
from schemas.enums import LinkType, NodeLabel
from schemas.interchange import link_row, node_row
from schemas.records import LinkRow, NodeRow

HOSTILE = "x'}) MATCH (n) DETACH DELETE n //"


def child(node_id: str, forename: str, **props: Any) -> NodeRow:
    return node_row(NodeLabel.CHILD, node_id, {"forename": forename, **props})


def poc(node_id: str, forename: str, **props: Any) -> NodeRow:
    return node_row(NodeLabel.PERSON_OF_CONCERN, node_id, {"forename": forename, **props})


def link(
    link_type: LinkType, source: str, target: str, link_id: str | None = None, **props: Any
) -> LinkRow:
    return link_row(link_type, link_id, source, target, props)


def small_world() -> tuple[list[NodeRow], list[LinkRow]]:
    """
    A(child) --friend-- B(child) --peer-- C(child)
        \\                                /
         P(poc) --USES--> PHONE          /
          \\_____________ CONCERN_FOR ___/      D(child, isolated)
    """
    nodes = [
        child("A", "Ada", family_name="Lane", aliases=["Addy"], date_of_birth="2011-03-02"),
        child("B", "Bo", family_name="Hart"),
        child("C", "Cy", family_name="Moss"),
        child("D", "Di", family_name="Ng"),
        poc("P", "Dean", family_name="Miles", aliases=["Deano"]),
        node_row(NodeLabel.OBJECT, "PHONE", {"object_type": "phone", "value": "07700 900123"}),
        node_row(NodeLabel.OBJECT, "CAR", {"object_type": "vehicle", "value": "ab12 cde"}),
    ]
    links = [
        link(
            LinkType.ASSOCIATES_WITH,
            "A",
            "B",
            "L1",
            kind="friend",
            observed_from="2026-01-10",
            basis="fact",
            grading="1-A-P",
        ),
        link(
            LinkType.ASSOCIATES_WITH,
            "B",
            "C",
            "L2",
            kind="peer",
            observed_from="2026-06-01",
            basis="opinion",
        ),
        link(LinkType.CONCERN_FOR, "P", "A", "L3", kind="criminal", observed_from="2026-03-01"),
        link(LinkType.CONCERN_FOR, "P", "C", "L4", kind="criminal", observed_from="2026-04-01"),
        link(LinkType.USES, "P", "PHONE", "L5"),
        link(LinkType.USES, "P", "CAR", "L6"),
    ]
    return nodes, links


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    nodes, links = small_world()
    store.write(nodes, links, actor="tester")
    return store


def test_init_is_idempotent(store: GraphStore) -> None:
    store.init()
    store.init()
    assert store.counts() == {}


def test_write_creates_then_reimport_changes_nothing(store: GraphStore) -> None:
    nodes, links = small_world()
    first = store.write(nodes, links, actor="tester")
    assert (first.nodes.created, first.links.created) == (7, 6)
    again = store.write(nodes, links, actor="tester")
    assert (again.nodes.created, again.nodes.updated, again.nodes.unchanged) == (0, 0, 7)
    assert (again.links.created, again.links.updated, again.links.unchanged) == (0, 0, 6)
    assert store.counts()["Child"] == 4
    assert store.counts()["ASSOCIATES_WITH"] == 2


def test_get_node_returns_properties_and_meta(world: GraphStore) -> None:
    node = world.get_node("A")
    assert node is not None
    assert node.label == NodeLabel.CHILD
    assert node.properties["aliases"] == ["Addy"]
    assert node.properties["date_of_birth"] == "2011-03-02"
    assert node.meta.version == 1 and node.meta.created_by == "tester"
    assert world.get_node("nope") is None


def test_get_link_returns_endpoints_and_provenance(world: GraphStore) -> None:
    found = world.get_link("L1")
    assert found is not None
    assert (found.type, found.source, found.target) == (LinkType.ASSOCIATES_WITH, "A", "B")
    assert found.properties["grading"] == "1-A-P"
    assert world.get_link("L404") is None


def test_edits_keep_history(world: GraphStore) -> None:
    before = world.get_node("B")
    assert before is not None
    changed = child("B", "Bo", family_name="Hart-Jones")
    result = world.write([changed], [], actor="editor")
    assert result.nodes.updated == 1
    after = world.get_node("B")
    assert after is not None and after.properties["family_name"] == "Hart-Jones"
    assert after.meta.version == 2 and after.meta.updated_by == "editor"
    assert after.meta.created_by == "tester"
    history = world.history("B")
    assert [r.version for r in history] == [1]
    assert history[0].properties["family_name"] == "Hart"


def test_link_edits_keep_history(world: GraphStore) -> None:
    world.write([], [link(LinkType.ASSOCIATES_WITH, "A", "B", "L1", kind="sibling")], actor="e")
    current = world.get_link("L1")
    assert current is not None and current.properties["kind"] == "sibling"
    assert current.meta.version == 2
    assert world.history("L1")[0].properties["kind"] == "friend"


def test_update_node_with_stale_version_conflicts(world: GraphStore) -> None:
    node = world.get_node("C")
    assert node is not None
    props = dict(node.properties, family_name="Moss-Two")
    updated = world.update_node("C", props, actor="first", expected_version=1)
    assert updated.meta.version == 2
    with pytest.raises(Conflict):
        world.update_node("C", dict(props, family_name="Lost"), actor="second", expected_version=1)
    final = world.get_node("C")
    assert final is not None and final.properties["family_name"] == "Moss-Two"
    with pytest.raises(NotFound):
        world.update_node("missing", props, actor="x")


def test_failing_batch_leaves_store_unchanged(world: GraphStore) -> None:
    before = world.counts()
    bad = [child("E", "Eve"), child("F", "Fay")]
    dangling = [link(LinkType.ASSOCIATES_WITH, "E", "GHOST", "L9")]
    with pytest.raises(IntegrityError, match="GHOST"):
        world.write(bad, dangling, actor="tester")
    assert world.counts() == before
    assert world.get_node("E") is None


def test_reusing_an_id_with_another_label_is_refused(world: GraphStore) -> None:
    with pytest.raises(IntegrityError, match="A"):
        world.write([poc("A", "Imposter")], [], actor="tester")
    node = world.get_node("A")
    assert node is not None and node.label == NodeLabel.CHILD


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("ada", SearchField.NAME, ["A"]),
        ("Lane", SearchField.NAME, ["A"]),
        ("deano", SearchField.ALIAS, ["P"]),
        ("DEAN", SearchField.ANY, ["P"]),
        ("07700 900", SearchField.PHONE, ["PHONE"]),
        ("+44 7700 900123", SearchField.PHONE, ["PHONE"]),
        ("AB12CDE", SearchField.VEHICLE, ["CAR"]),
        ("ab12 c", SearchField.ANY, ["CAR"]),
        ("zzz", SearchField.ANY, []),
    ],
)
def test_find_by_name_alias_phone_vehicle(
    world: GraphStore, text: str, field: SearchField, expected: list[str]
) -> None:
    assert [n.id for n in world.find(text, field=field)] == expected


def test_find_filters_by_label(world: GraphStore) -> None:
    assert [n.id for n in world.find("d", labels=[NodeLabel.CHILD])] == ["D"]


def test_neighbourhood_of_k_hops(world: GraphStore) -> None:
    one = world.neighbourhood("A", hops=1)
    assert one.node_ids() == {"A", "B", "P"}
    two = world.neighbourhood("A", hops=2)
    assert two.node_ids() == {"A", "B", "C", "P", "PHONE", "CAR"}
    assert {x.id for x in two.links} == {"L1", "L2", "L3", "L4", "L5", "L6"}
    assert world.neighbourhood("nope").nodes == []


def test_neighbourhood_filters_by_type_and_date(world: GraphStore) -> None:
    friends = world.neighbourhood("A", hops=2, types=[LinkType.ASSOCIATES_WITH])
    assert friends.node_ids() == {"A", "B", "C"}
    early = world.neighbourhood("A", hops=2, until="2026-03-31")
    assert early.node_ids() == {"A", "B", "P", "PHONE", "CAR"}
    assert "L4" not in {x.id for x in early.links}
    late = world.neighbourhood("B", hops=1, since="2026-05-01")
    assert late.node_ids() == {"B", "C"}


def test_shortest_paths(world: GraphStore) -> None:
    assert world.shortest_paths("A", "C") == [["A", "B", "C"], ["A", "P", "C"]]
    assert world.shortest_paths("A", "C", types=[LinkType.ASSOCIATES_WITH]) == [["A", "B", "C"]]
    assert world.shortest_paths("A", "PHONE") == [["A", "P", "PHONE"]]
    assert world.shortest_paths("A", "D") == []
    assert world.shortest_paths("A", "C", max_hops=1) == []


def test_subgraph_and_iteration_export_everything_in_id_order(world: GraphStore) -> None:
    whole = world.subgraph()
    assert [n.id for n in whole.nodes] == sorted(["A", "B", "C", "D", "P", "PHONE", "CAR"])
    assert [x.id for x in whole.links] == ["L1", "L2", "L3", "L4", "L5", "L6"]
    people = world.subgraph(
        labels=[NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN], types=[LinkType.CONCERN_FOR]
    )
    assert [x.id for x in people.links] == ["L3", "L4"]
    assert [x.id for x in world.links_of(["C"])] == ["L2", "L4"]


def test_odd_names_are_stored_literally(store: GraphStore) -> None:
    names = [HOSTILE, "Zoë 🦊 <script>alert(1)</script>", "مريم", "Robert'); DROP TABLE nodes;--"]
    rows = [child(f"ODD-{i}", name, aliases=[name]) for i, name in enumerate(names)]
    store.write(rows, [], actor=HOSTILE)
    for i, name in enumerate(names):
        node = store.get_node(f"ODD-{i}")
        assert node is not None and node.properties["forename"] == name
        assert node.meta.created_by == HOSTILE
    assert store.counts() == {"Child": 4}
    assert [n.id for n in store.find("مريم")] == ["ODD-2"]


def test_two_threads_writing_at_once(store: GraphStore) -> None:
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        try:
            for batch in range(5):
                rows = [child(f"{prefix}-{batch}-{i}", f"{prefix}{i}") for i in range(20)]
                store.write(rows, [], actor=prefix)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(p,)) for p in ("T1", "T2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts() == {"Child": 200}


def test_audit_trail_is_appended_in_order(store: GraphStore) -> None:
    store.append_audit(AuditEntry(actor="ann", role="analyst", action="view", entity_ids=["A"]))
    store.append_audit(AuditEntry(actor="bob", action="search", purpose="panel_oversight"))
    entries = store.audit_entries()
    assert [(e.actor, e.action) for e in entries] == [("ann", "view"), ("bob", "search")]
    assert entries[0].entity_ids == ["A"] and entries[1].purpose == "panel_oversight"
    assert store.audit_entries(since="2999-01-01") == []


def test_wipe_empties_the_store(world: GraphStore) -> None:
    world.wipe()
    world.init()
    assert world.counts() == {}


def test_documents_are_versioned_and_conflict_on_stale_writes(store: GraphStore) -> None:
    assert store.get_document("account", "ann") is None
    assert store.put_document("account", "ann", {"role": "analyst"}, expected_version=0) == 1
    with pytest.raises(Conflict):
        store.put_document("account", "ann", {"role": "admin"}, expected_version=0)
    assert store.put_document("account", "ann", {"role": "admin"}, expected_version=1) == 2
    store.put_document("account", "bob", {"role": HOSTILE})
    assert store.get_document("account", "ann") == ({"role": "admin"}, 2)
    assert store.list_documents("account") == [
        ("ann", {"role": "admin"}),
        ("bob", {"role": HOSTILE}),
    ]
    assert store.list_documents("other") == []


def test_revision_changes_with_every_change_and_only_then(store: GraphStore) -> None:
    empty = store.revision()
    nodes, links = small_world()
    store.write(nodes, links, actor="t")
    written = store.revision()
    assert written != empty
    store.write(nodes, links, actor="t")
    assert store.revision() == written, "an unchanged re-import is not a change"
    node = store.get_node("A")
    assert node is not None
    store.update_node("A", dict(node.properties, family_name="Lane-Two"), actor="t")
    edited = store.revision()
    assert edited not in (empty, written)
    store.wipe()
    store.init()
    store.write(nodes, links, actor="t")
    assert store.revision() not in (written, edited)
