"""Pydantic models for the properties of every node label (POLE + panel workflow)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, model_validator

from schemas.common import Grading, Model, Name, ShortText, Text
from schemas.enums import (
    ActionStatus,
    Agency,
    Basis,
    CareStatus,
    Category,
    GroupType,
    IncidentType,
    LocationType,
    MeetingType,
    NodeLabel,
    ObjectType,
    Panel,
    PanelStatus,
    PocStatus,
    Rag,
    ReferralKind,
    ReferralStatus,
)

SPECIAL_CATEGORY_FIELDS = frozenset(
    {"ethnicity", "religion", "sexual_orientation", "health", "disability_sen"}
)


class Restrictable(Model):
    """Lock-down: when set, only these agencies see the record; others see that it exists."""

    restricted_to: list[ShortText] = Field(default_factory=list)


class PersonBase(Restrictable):
    forename: Name
    family_name: ShortText | None = None
    aliases: list[Name] = Field(default_factory=list)
    date_of_birth: date | None = None
    gender: ShortText | None = None
    ethnicity: ShortText | None = None
    language: ShortText | None = None
    religion: ShortText | None = None
    address: ShortText | None = None
    agencies_involved: list[ShortText] = Field(default_factory=list)
    notes: Text | None = None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.forename, self.family_name) if p)


class Child(PersonBase):
    sexual_orientation: ShortText | None = None
    disability_sen: ShortText | None = None
    health: ShortText | None = None
    care_status: CareStatus = CareStatus.NONE
    home_authority: ShortText | None = None
    school: ShortText | None = None
    education_status: ShortText | None = None
    case_status: ShortText | None = None
    allocated_worker: ShortText | None = None
    allocated_agency: ShortText | None = None
    panel_status: PanelStatus | None = None
    panels: list[Panel] = Field(default_factory=list)
    rag: dict[Category, Rag] = Field(default_factory=dict)
    indicators: list[ShortText] = Field(default_factory=list)
    signs_of_safety: dict[str, int] = Field(default_factory=dict)
    primary_concern: Category | None = None
    nrm_referral: date | None = None
    osman_warning: bool = False
    strategy_meetings: list[date] = Field(default_factory=list)
    harmful_to_others: bool = False
    merged_into: ShortText | None = None

    @model_validator(mode="after")
    def _scales_in_range(self) -> Child:
        for key, value in self.signs_of_safety.items():
            if not 0 <= value <= 10:
                raise ValueError(f"signs_of_safety.{key} must be between 0 and 10")
        return self


class ConcernFlag(Restrictable):
    """Shared by persons and places of concern: why flagged, until when, and what is in force."""

    flagged_at: date | None = None
    review_date: date | None = None
    flag_status: ShortText | None = None
    disruption_measures: list[ShortText] = Field(default_factory=list)
    assessment_rag: Rag | None = None
    assessment_summary: Text | None = None


class PersonOfConcern(PersonBase, ConcernFlag):
    status: PocStatus = PocStatus.SUSPECTED
    merged_into: ShortText | None = None


class Location(ConcernFlag):
    name: Name
    location_type: LocationType = LocationType.OTHER
    address: ShortText | None = None
    postcode: ShortText | None = None
    borough: ShortText | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    licensing: ShortText | None = None
    of_concern: bool = False
    notes: Text | None = None


class Group(ConcernFlag):
    name: Name
    group_type: GroupType
    identifiers: list[ShortText] = Field(default_factory=list)
    territory: ShortText | None = None
    notes: Text | None = None


class GraphObject(Model):
    object_type: ObjectType
    value: Name
    notes: Text | None = None


class Incident(Model):
    incident_type: IncidentType
    occurred_at: datetime | date
    description: Text | None = None
    reporting_agency: ShortText | None = None
    severity: int = Field(default=1, ge=1, le=5)
    where_found: ShortText | None = None


class Organisation(Model):
    name: Name
    agency: Agency = Agency.OTHER


class Referral(Model):
    referral_kind: ReferralKind
    status: ReferralStatus = ReferralStatus.SUBMITTED
    submitted_at: datetime
    submitted_by: ShortText
    agency: ShortText | None = None
    subject_name: Name
    form: dict[str, object] = Field(default_factory=dict)
    decision_reason: Text | None = None
    decided_by: ShortText | None = None
    linked_record: ShortText | None = None
    basis: Basis | None = None
    grading: Grading | None = None


class Meeting(Model):
    meeting_type: MeetingType
    title: Name
    held_on: date
    venue: ShortText | None = None
    attendees: list[dict[str, str]] = Field(default_factory=list)
    cohort: list[ShortText] = Field(default_factory=list)
    decisions: list[Text] = Field(default_factory=list)
    status: ShortText = "open"
    closed_at: datetime | None = None


class Action(Model):
    text: Text
    owner: ShortText
    agency: ShortText | None = None
    due_date: date | None = None
    review_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    meeting_id: ShortText | None = None


NODE_MODELS: dict[NodeLabel, type[Model]] = {
    NodeLabel.CHILD: Child,
    NodeLabel.PERSON_OF_CONCERN: PersonOfConcern,
    NodeLabel.LOCATION: Location,
    NodeLabel.GROUP: Group,
    NodeLabel.OBJECT: GraphObject,
    NodeLabel.INCIDENT: Incident,
    NodeLabel.ORGANISATION: Organisation,
    NodeLabel.REFERRAL: Referral,
    NodeLabel.MEETING: Meeting,
    NodeLabel.ACTION: Action,
}


def display_name(label: str, properties: dict[str, object]) -> str:
    """A short human name for any node's properties, without validating them."""
    if label in (NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN):
        parts = [properties.get("forename"), properties.get("family_name")]
        return " ".join(str(p) for p in parts if p) or "(no name)"
    for key in ("name", "title", "value", "subject_name", "text"):
        if properties.get(key):
            return str(properties[key])
    if label == NodeLabel.INCIDENT:
        return f"{properties.get('incident_type', 'incident')} {properties.get('occurred_at', '')}"
    return label
