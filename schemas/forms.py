"""The referral forms of the reference, as pydantic models: every error names its field."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator

from schemas.common import Grading, Model, Name, ShortText, Text
from schemas.enums import Basis, Category, Rag, ReferralKind
from schemas.reference import FAMILIAL_ABUSE_REFUSAL, INDICATORS, SIGNS_OF_SAFETY_SCALES

INDICATOR_KEYS = frozenset(i.key for i in INDICATORS)
SCALE_KEYS = frozenset(key for key, _ in SIGNS_OF_SAFETY_SCALES)


class FamilialAbuse(ValueError):
    """A person-of-concern referral about familial abuse: the child-protection route applies."""


class ConcernReferralForm(Model):
    """Person / Location of Concern referral (reference form) plus ContextMap's additions."""

    referral_kind: ReferralKind = ReferralKind.POC
    referral_date: date
    subject_name: Name = Field(description="Name of person or location")
    referrer: Name
    organisation: ShortText
    date_of_birth: date | None = None
    ethnicity: ShortText | None = None
    agencies_involved: list[ShortText] = Field(default_factory=list)
    address: ShortText | None = Field(default=None, description="Home / location address")
    language: ShortText | None = None
    summary: Text = Field(min_length=20, description="Summary of concerns incl. dates")
    how_known: ShortText = Field(min_length=3, description="How you know this information")
    aliases: list[Name] = Field(default_factory=list)
    vehicle: ShortText | None = None
    phone: ShortText | None = None
    location_type: ShortText | None = None
    postcode: ShortText | None = None
    linked_children: list[ShortText] = Field(default_factory=list)
    basis: Basis
    grading: Grading | None = None
    familial: bool = Field(default=False, description="Is the person a family member?")

    @field_validator("referral_date")
    @classmethod
    def _not_future(cls, value: date) -> date:
        if value > date.today():
            raise ValueError("cannot be in the future")
        return value

    @field_validator("date_of_birth")
    @classmethod
    def _plausible_dob(cls, value: date | None) -> date | None:
        if value is not None and not date(1900, 1, 1) <= value <= date.today():
            raise ValueError("must be a past date after 1900")
        return value

    @model_validator(mode="before")
    @classmethod
    def _no_familial_poc(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("familial") in (True, "true", "yes"):
            kind = data.get("referral_kind", ReferralKind.POC)
            if kind in (ReferralKind.POC, ReferralKind.POC.value):
                raise ValueError(f"familial: {FAMILIAL_ABUSE_REFUSAL}")
        return data


class MarveReferralForm(Model):
    """MARVE risk assessment and referral."""

    referrer: Name
    agency: ShortText
    role: ShortText
    contact: ShortText
    assessment_date: date
    referral_date: date
    forename: Name
    family_name: ShortText | None = None
    aliases: list[Name] = Field(default_factory=list)
    addresses: list[ShortText] = Field(default_factory=list)
    gender: ShortText | None = None
    sexual_orientation: ShortText | None = None
    date_of_birth: date
    language: ShortText | None = None
    ethnicity: ShortText | None = None
    religion: ShortText | None = None
    religion_impact: ShortText | None = None
    disability_sen: ShortText | None = None
    gang_affiliated: bool = False
    education: ShortText | None = None
    case_status: ShortText | None = None
    indicators: list[str] = Field(default_factory=list)
    rag: dict[Category, Rag] = Field(default_factory=dict)
    signs_of_safety: dict[str, int] = Field(default_factory=dict)
    danger_statement: Text | None = None
    worried_about: Text = Field(min_length=10)
    working_well: Text | None = None
    needs_to_happen: Text | None = None
    strategy_meeting_date: date | None = None
    nrm_referral: date | None = None

    @field_validator("indicators")
    @classmethod
    def _known_indicators(cls, values: list[str]) -> list[str]:
        unknown = sorted(set(values) - INDICATOR_KEYS)
        if unknown:
            raise ValueError(f"unknown indicator(s): {', '.join(unknown)}")
        return values

    @field_validator("signs_of_safety")
    @classmethod
    def _scales(cls, values: dict[str, int]) -> dict[str, int]:
        for key, value in values.items():
            if key not in SCALE_KEYS:
                raise ValueError(f"unknown scale {key}")
            if not 0 <= value <= 10:
                raise ValueError(f"{key} must be between 0 and 10")
        return values

    @field_validator("date_of_birth")
    @classmethod
    def _young_person(cls, value: date) -> date:
        age = (date.today() - value).days / 365.25
        if not 0 <= age <= 25:
            raise ValueError("the young person must be under 25 (care leavers / EHCP up to 25)")
        return value

    @model_validator(mode="after")
    def _at_least_one_rating(self) -> MarveReferralForm:
        if not self.rag:
            raise ValueError("rag: rate at least one category (professional judgement)")
        return self
