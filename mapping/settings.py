"""Application settings (accounts, review timers, map tiles), read from the environment here."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AppSettings(BaseSettings):
    """Every setting has a safe default; `.env.example` lists them all (checked by a test)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    review_weeks: int = Field(default=12, ge=1, le=104, alias="CONTEXTMAP_REVIEW_WEEKS")
    session_minutes: int = Field(default=60, ge=5, le=24 * 60, alias="CONTEXTMAP_SESSION_MINUTES")
    lockout_attempts: int = Field(default=5, ge=1, le=100, alias="CONTEXTMAP_LOCKOUT_ATTEMPTS")
    lockout_minutes: int = Field(default=15, ge=1, le=24 * 60, alias="CONTEXTMAP_LOCKOUT_MINUTES")
    map_tile_url: str = Field(default="", alias="CONTEXTMAP_MAP_TILE_URL")
    pseudonym_key: str = Field(
        default="contextmap-default-pseudonym-key", alias="CONTEXTMAP_PSEUDONYM_KEY"
    )
    demo_accounts: bool = Field(default=True, alias="CONTEXTMAP_DEMO_ACCOUNTS")
