"""Stable pseudonyms for exports: names, dates of birth and addresses replaced, free text dropped."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date
from typing import Any

from schemas.enums import LocationType, NodeLabel

PERSON_LABELS = {NodeLabel.CHILD.value, NodeLabel.PERSON_OF_CONCERN.value}
PRIVATE_PLACES = {LocationType.RESIDENTIAL.value, LocationType.TRAP_HOUSE.value}
FREE_TEXT = {"notes", "description", "source_note", "assessment_summary", "form", "where_found"}


def _token(key: bytes, *parts: str) -> str:
    return hmac.new(key, "|".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()[:8]


def _pseudo_dob(key: bytes, node_id: str, value: str) -> str:
    """Same year (so ages stay roughly right), a stable made-up day in it."""
    year = int(value[:4])
    day_of_year = int(_token(key, "dob", node_id), 16) % 365
    return date.fromordinal(date(year, 1, 1).toordinal() + day_of_year).isoformat()


def pseudonymise_node(
    label: str, node_id: str, properties: dict[str, Any], key: bytes
) -> dict[str, Any]:
    """A copy of the properties with identifying values replaced by stable pseudonyms.

    >>> pseudonymise_node("Child", "C-1", {"forename": "Ada", "family_name": "Lane"}, b"k")
    {'forename': 'Person-7192f9df'}
    """
    props = {k: v for k, v in properties.items() if k not in FREE_TEXT}
    if label in PERSON_LABELS:
        props["forename"] = f"Person-{_token(key, 'name', node_id)}"
        props.pop("family_name", None)
        if props.get("aliases"):
            props["aliases"] = [
                f"Alias-{_token(key, 'alias', node_id, a)}" for a in props["aliases"]
            ]
        if props.get("date_of_birth"):
            props["date_of_birth"] = _pseudo_dob(key, node_id, str(props["date_of_birth"]))
    if props.get("address"):
        props["address"] = f"Address-{_token(key, 'address', str(props['address']))}"
    if label == NodeLabel.LOCATION.value and props.get("location_type") in PRIVATE_PLACES:
        props["name"] = f"Place-{_token(key, 'place', node_id)}"
        props.pop("postcode", None)
        for axis in ("latitude", "longitude"):
            if axis in props:
                props[axis] = round(float(props[axis]), 2)
    return props


def pseudonymise_link(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in properties.items() if k not in FREE_TEXT}
