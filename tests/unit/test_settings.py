"""`.env.example` lists every setting, and settings are read in one place (Datasette-style drift test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphdb import ConfigurationError, StoreSettings, open_store
from graphdb.neo4j import Neo4jStore
from graphdb.sqlite import SqliteStore
from mapping.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def example_keys() -> set[str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def setting_aliases() -> set[str]:
    aliases = set()
    for model in (StoreSettings, AppSettings):
        for field in model.model_fields.values():
            assert field.alias, "every setting is named by its environment variable"
            aliases.add(field.alias)
    return aliases


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    assert example_keys() == setting_aliases()


def test_unset_store_is_the_embedded_default() -> None:
    store = open_store(StoreSettings(CONTEXTMAP_STORE=""))
    assert isinstance(store, SqliteStore)
    assert store.path.endswith("data/contextmap.db")


def test_embedded_url_names_the_file(tmp_path: Path) -> None:
    store = open_store(StoreSettings(CONTEXTMAP_STORE=f"embedded://{tmp_path}/x.db"))
    assert isinstance(store, SqliteStore) and store.path == f"{tmp_path}/x.db"


@pytest.mark.parametrize(
    "url", ["bolt://127.0.0.1:1", "neo4j://db.example:7687", "neo4j+s://x.databases.example"]
)
def test_neo4j_urls_open_the_neo4j_store_with_its_database(url: str) -> None:
    store = open_store(StoreSettings(CONTEXTMAP_STORE=url, NEO4J_DATABASE="panel"))
    assert isinstance(store, Neo4jStore) and store.database == "panel"
    store.close()


def test_unknown_store_url_is_a_clear_error() -> None:
    with pytest.raises(ConfigurationError, match="CONTEXTMAP_STORE"):
        open_store(StoreSettings(CONTEXTMAP_STORE="postgres://nope"))
