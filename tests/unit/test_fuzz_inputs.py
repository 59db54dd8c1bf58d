"""Hostile and random input: forms and importer never crash, never half-write, always name the field.

The short runs here are part of `make test`; `make fuzz` runs the same properties with ≥ 10,000
examples each (marked `fuzz`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from graphdb.sqlite import SqliteStore
from mapping.io.importer import ImportFailed, import_file
from schemas.common import field_errors
from schemas.enums import LinkType, NodeLabel
from schemas.forms import ConcernReferralForm, MarveReferralForm
from schemas.interchange import RecordError, parse_record

INJECTIONS = [
    "x'}) MATCH (n) DETACH DELETE n //",
    "'); DROP TABLE nodes; --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u202eevil\u202c",
    "a" * 300,
]
texts = st.one_of(st.text(max_size=40), st.sampled_from(INJECTIONS))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=True),
    texts,
    st.dates().map(str),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["CSE", "CCE", "x"]), scalars, max_size=2),
)
FORM_FIELDS = sorted(set(ConcernReferralForm.model_fields) | set(MarveReferralForm.model_fields))
form_dicts = st.dictionaries(st.sampled_from(FORM_FIELDS + ["bogus"]), values, max_size=12)
PROPS = [
    "forename",
    "family_name",
    "aliases",
    "date_of_birth",
    "rag",
    "name",
    "location_type",
    "object_type",
    "value",
    "incident_type",
    "occurred_at",
    "severity",
    "grading",
    "basis",
    "observed_from",
    "kind",
    "role",
    "latitude",
    "shoe_size",
]
records = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["node", "link", "edge", None]),
        "label": st.sampled_from([*(label.value for label in NodeLabel), "Wizard"]),
        "type": st.sampled_from([*(t.value for t in LinkType), "LOVES"]),
        "id": st.one_of(st.sampled_from(["C-1", "C-2", "P-1", "L-9"]), texts),
        "source": st.sampled_from(["C-1", "C-2", "P-1", "missing"]),
        "target": st.sampled_from(["C-1", "C-2", "P-1", "missing"]),
        "properties": st.dictionaries(st.sampled_from(PROPS), values, max_size=5),
    }
)

SHORT = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LONG = settings(
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_form(data: dict[str, Any]) -> None:
    for model in (ConcernReferralForm, MarveReferralForm):
        try:
            model.model_validate(data)
        except ValidationError as exc:
            errors = field_errors(exc)
            assert errors and all(key for key in errors)
            assert all(message for message in errors.values())


def check_record(data: dict[str, Any]) -> None:
    try:
        row = parse_record(data)
    except RecordError as exc:
        assert ":" in str(exc), "every rejection names the field"
    else:
        assert row.id


def check_import(tmp: Path, batch: list[dict[str, Any]]) -> None:
    store = SqliteStore(tmp / f"fuzz-{abs(hash(json.dumps(batch, default=str))) % 10**9}.db")
    store.init()
    seed = [{"kind": "node", "label": "Child", "id": "C-1", "properties": {"forename": "A"}}]
    path = tmp / "seed.jsonl"
    path.write_text(json.dumps(seed[0]) + "\n")
    import_file(store, path, actor="fuzz")
    before = store.counts()
    path.write_text("".join(json.dumps(r, default=str) + "\n" for r in batch))
    try:
        result = import_file(store, path, actor="fuzz")
    except ImportFailed as failed:
        assert store.counts() == before, "a failed import leaves the store unchanged"
        assert all(r.line >= 1 and ":" in r.reason for r in failed.rejected)
    else:
        assert result.rejected == []
    finally:
        store.close()


@SHORT
@given(form_dicts)
def test_forms_reject_bad_input_naming_fields(data: dict[str, Any]) -> None:
    check_form(data)


@SHORT
@given(records)
def test_records_reject_bad_input_naming_fields(data: dict[str, Any]) -> None:
    check_record(data)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(records, min_size=1, max_size=6))
def test_importer_never_half_commits(tmp_path: Path, batch: list[dict[str, Any]]) -> None:
    check_import(tmp_path, batch)


@pytest.mark.parametrize("text", INJECTIONS[:-1])
def test_injection_text_in_free_text_fields_is_stored_literally(
    sqlite_store: SqliteStore, text: str
) -> None:
    row = parse_record(
        {
            "kind": "node",
            "label": "Location",
            "id": "LOC-1",
            "properties": {"name": text, "notes": text, "address": text},
        }
    )
    sqlite_store.write([row], [], actor=text)  # type: ignore[list-item]
    stored = sqlite_store.get_node("LOC-1")
    assert stored is not None
    assert stored.properties["notes"] == text and stored.properties["name"] == text
    assert sqlite_store.counts() == {"Location": 1}


@pytest.mark.fuzz
@LONG
@given(form_dicts)
def test_forms_long_fuzz(data: dict[str, Any]) -> None:
    check_form(data)


@pytest.mark.fuzz
@LONG
@given(records)
def test_records_long_fuzz(data: dict[str, Any]) -> None:
    check_record(data)


@pytest.mark.fuzz
@settings(
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(records, min_size=1, max_size=6))
def test_importer_long_fuzz(tmp_path: Path, batch: list[dict[str, Any]]) -> None:
    check_import(tmp_path, batch)
