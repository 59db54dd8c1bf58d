"""The interchange record of CONTRACTS §4 and its validation into store rows."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationError

from schemas.common import Identifier, Model
from schemas.enums import LinkType, NodeLabel
from schemas.links import link_model
from schemas.nodes import NODE_MODELS
from schemas.records import LinkRow, NodeRow, derived_link_id


class NodeRecord(Model):
    kind: Literal["node"]
    label: NodeLabel
    id: Identifier
    properties: dict[str, Any] = Field(default_factory=dict)


class LinkRecord(Model):
    kind: Literal["link"]
    type: LinkType
    id: Identifier | None = None
    source: Identifier
    target: Identifier
    properties: dict[str, Any] = Field(default_factory=dict)


class RecordError(ValueError):
    """A record that cannot be imported; the message names the field and the reason."""


def describe_errors(exc: ValidationError, prefix: str = "") -> str:
    """`field.path: reason; …` — one readable line from a pydantic error."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"] if p != "__root__")
        where = f"{prefix}{loc}" if loc else prefix.rstrip(".") or "record"
        message = err["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    return "; ".join(parts)


def node_row(label: NodeLabel, node_id: str, properties: dict[str, Any]) -> NodeRow:
    """Validate one node's properties for its label; raise RecordError naming the field."""
    model = NODE_MODELS[label]
    try:
        parsed = model.model_validate(properties)
    except ValidationError as exc:
        raise RecordError(describe_errors(exc, "properties.")) from None
    return NodeRow(node_id, label, parsed.model_dump(mode="json", exclude_none=True))


def link_row(
    link_type: LinkType, link_id: str | None, source: str, target: str, properties: dict[str, Any]
) -> LinkRow:
    """Validate one link's properties for its type; derive its id when none is given."""
    try:
        parsed = link_model(link_type).model_validate(properties)
    except ValidationError as exc:
        raise RecordError(describe_errors(exc, "properties.")) from None
    props = parsed.model_dump(mode="json", exclude_none=True)
    final_id = link_id or derived_link_id(link_type, source, target, props.get("observed_from"))
    return LinkRow(final_id, link_type, source, target, props)


def parse_record(data: object) -> NodeRow | LinkRow:
    """One decoded JSON object → a validated row; raise RecordError naming the field."""
    if not isinstance(data, dict):
        raise RecordError("record: must be a JSON object")
    kind = data.get("kind")
    try:
        if kind == "node":
            node = NodeRecord.model_validate(data)
            return node_row(node.label, node.id, node.properties)
        if kind == "link":
            link = LinkRecord.model_validate(data)
            return link_row(link.type, link.id, link.source, link.target, link.properties)
    except ValidationError as exc:
        raise RecordError(describe_errors(exc)) from None
    raise RecordError(f"kind: must be 'node' or 'link', got {kind!r}")


def node_record(row: NodeRow) -> dict[str, Any]:
    return {"kind": "node", "label": str(row.label), "id": row.id, "properties": row.properties}


def link_record(row: LinkRow) -> dict[str, Any]:
    return {
        "kind": "link",
        "type": str(row.type),
        "id": row.id,
        "source": row.source,
        "target": row.target,
        "properties": row.properties,
    }
