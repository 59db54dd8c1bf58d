"""Search terms for find-by-name/alias/phone/vehicle, computed once here for every backend."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Any

from schemas.enums import NodeLabel, ObjectType


class SearchField(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    PHONE = "phone"
    VEHICLE = "vehicle"
    ANY = "any"


def normalise_text(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def normalise_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if digits.startswith("44") else digits


def normalise_vehicle(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def normalise_query(text: str, field: SearchField) -> str:
    if field is SearchField.PHONE:
        return normalise_phone(text)
    if field is SearchField.VEHICLE:
        return normalise_vehicle(text)
    return normalise_text(text)


def _words(text: str) -> list[str]:
    norm = normalise_text(text)
    return [norm, *norm.split()] if " " in norm else [norm]


def search_terms(label: NodeLabel, properties: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, term) pairs; a query matches a node when some term starts with it."""
    terms: set[tuple[str, str]] = set()
    if label in (NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN):
        full = " ".join(str(properties.get(k) or "") for k in ("forename", "family_name")).strip()
        terms.update(("name", t) for t in _words(full))
    elif label == NodeLabel.OBJECT:
        value = str(properties.get("value", ""))
        kind = properties.get("object_type")
        if kind == ObjectType.PHONE and normalise_phone(value):
            terms.add(("phone", normalise_phone(value)))
        elif kind == ObjectType.VEHICLE and normalise_vehicle(value):
            terms.add(("vehicle", normalise_vehicle(value)))
        terms.update(("name", t) for t in _words(value))
    elif properties.get("name"):
        terms.update(("name", t) for t in _words(str(properties["name"])))
    for alias in properties.get("aliases", []) or []:
        terms.update(("alias", t) for t in _words(str(alias)))
    return sorted(t for t in terms if t[1])


def fields_for(field: SearchField) -> list[str]:
    if field is SearchField.ANY:
        return [f.value for f in SearchField if f is not SearchField.ANY]
    return [field.value]


def query_prefixes(text: str, field: SearchField) -> list[tuple[str, str]]:
    """(field, prefix) pairs to look for, each normalised the way that field's terms are."""
    pairs = []
    for name in fields_for(field):
        prefix = normalise_query(text, SearchField(name))
        if prefix:
            pairs.append((name, prefix))
    return pairs
