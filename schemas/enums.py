"""Controlled vocabularies: node labels, link types, categories and every other enum (no logic)."""

from __future__ import annotations

from enum import StrEnum


class NodeLabel(StrEnum):
    CHILD = "Child"
    PERSON_OF_CONCERN = "PersonOfConcern"
    LOCATION = "Location"
    GROUP = "Group"
    OBJECT = "Object"
    INCIDENT = "Incident"
    ORGANISATION = "Organisation"
    REFERRAL = "Referral"
    MEETING = "Meeting"
    ACTION = "Action"


PERSON_LABELS = frozenset({NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN})


class LinkType(StrEnum):
    ASSOCIATES_WITH = "ASSOCIATES_WITH"
    CONCERN_FOR = "CONCERN_FOR"
    SEEN_AT = "SEEN_AT"
    FREQUENTS = "FREQUENTS"
    LIVES_AT = "LIVES_AT"
    PLACED_AT = "PLACED_AT"
    ATTENDS = "ATTENDS"
    MEMBER_OF = "MEMBER_OF"
    INVOLVED_IN = "INVOLVED_IN"
    OCCURRED_AT = "OCCURRED_AT"
    USES = "USES"
    DISCUSSED_AT = "DISCUSSED_AT"
    SUBJECT_OF = "SUBJECT_OF"
    ASSIGNED_TO = "ASSIGNED_TO"
    PROTECTIVE_FOR = "PROTECTIVE_FOR"


class Category(StrEnum):
    """Categories of concern; a child carries a RAG rating per category."""

    CSE = "CSE"
    CCE = "CCE"
    MSHT = "MSHT"
    SYV = "SYV"
    HSB = "HSB"
    MISSING = "MISSING"
    CME = "CME"
    PREVENT = "PREVENT"
    SUBSTANCE = "SUBSTANCE"
    IOM = "IOM"


class Rag(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


RAG_ORDER = {Rag.LOW: 1, Rag.MEDIUM: 2, Rag.HIGH: 3}


class Panel(StrEnum):
    MARVE = "MARVE"
    PREVENT = "Prevent"
    MISPER = "MISPER"
    CME = "CME"


class PanelStatus(StrEnum):
    REFERRED = "referred"
    OPEN_REVIEW = "open_review_at_panel"
    OPEN_ON_FILE = "open_on_file"
    CLOSED = "closed"


class CareStatus(StrEnum):
    NONE = "none"
    LOOKED_AFTER = "looked_after"
    CARE_LEAVER = "care_leaver"
    PLACED_OUT_OF_BOROUGH = "placed_out_of_borough"
    PLACED_IN_AREA = "placed_in_area_by_other_authority"


class PocStatus(StrEnum):
    SUSPECTED = "suspected"
    UNDER_INVESTIGATION = "subject_of_investigation"
    CHARGED = "charged"
    CONVICTED = "convicted"


class LocationType(StrEnum):
    FAST_FOOD = "fast_food"
    SHOP = "shop"
    PARK = "park"
    TRANSPORT_HUB = "transport_hub"
    SCHOOL = "school"
    RESIDENTIAL = "residential"
    TRAP_HOUSE = "trap_house"
    HOTEL = "hotel"
    LICENSED_PREMISES = "licensed_premises"
    ONLINE = "online"
    OTHER = "other"


class GroupType(StrEnum):
    PEER_GROUP = "peer_group"
    STREET_GANG = "street_gang"
    OCG = "ocg"
    COUNTY_LINE = "county_line"


GANG_TYPES = frozenset({GroupType.STREET_GANG, GroupType.OCG, GroupType.COUNTY_LINE})


class ObjectType(StrEnum):
    PHONE = "phone"
    VEHICLE = "vehicle"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class IncidentType(StrEnum):
    MISSING = "missing"
    FOUND = "found"
    RETURN_INTERVIEW = "return_interview"
    ARREST = "arrest"
    ASSAULT = "assault"
    SEXUAL_ASSAULT = "sexual_assault"
    STOP_SEARCH = "stop_search"
    HOSPITAL = "hospital"
    EXCLUSION = "exclusion"
    DISCLOSURE = "disclosure"
    INTELLIGENCE = "intelligence"
    SIGHTING = "sighting"
    CRIME = "crime"
    OTHER = "other"


class AssociationKind(StrEnum):
    FRIEND = "friend"
    PEER = "peer"
    PARTNER = "partner"
    SIBLING = "sibling"
    FAMILY = "family"
    LIVES_WITH = "lives_with"
    CO_OFFENDER = "co_offender"
    GANG_ASSOCIATE = "gang_associate"
    PHONE = "phone"
    ONLINE = "online"
    OTHER = "other"


class ConcernKind(StrEnum):
    SEXUAL = "sexual"
    CRIMINAL = "criminal"
    COUNTY_LINES = "county_lines"
    TRAFFICKING = "trafficking"
    RADICALISATION = "radicalisation"
    OTHER = "other"


class InvolvementRole(StrEnum):
    VICTIM = "victim"
    SUSPECT = "suspect"
    WITNESS = "witness"
    MISSING_PERSON = "missing_person"
    OTHER = "other"


class ProtectiveKind(StrEnum):
    TRUSTED_ADULT = "trusted_adult"
    SAFE_PLACE = "safe_place"
    POSITIVE_PEER = "positive_peer"
    ACTIVITY = "activity"
    OTHER = "other"


class Basis(StrEnum):
    FACT = "fact"
    OPINION = "opinion"


class Role(StrEnum):
    REFERRER = "referrer"
    PANEL_MEMBER = "panel_member"
    FACILITATOR = "facilitator"
    ANALYST = "analyst"
    ADMIN = "admin"


class Agency(StrEnum):
    POLICE = "Police"
    CSC = "Children's Social Care"
    HEALTH = "Health"
    EDUCATION = "Education"
    YOS = "Youth Offending Service"
    HOUSING = "Housing"
    VOLUNTARY = "Voluntary sector"
    LICENSING = "Licensing"
    OTHER = "Other"


QUORUM_AGENCIES = frozenset({Agency.HEALTH, Agency.CSC, Agency.POLICE, Agency.EDUCATION})


class ReferralKind(StrEnum):
    POC = "person_of_concern"
    LOCATION = "location_of_concern"
    MARVE = "marve"


class ReferralStatus(StrEnum):
    SUBMITTED = "submitted"
    TRIAGED = "triaged"
    ACCEPTED = "accepted"
    MERGED = "merged"
    DECLINED = "declined"


class MeetingType(StrEnum):
    MARVE_PANEL = "marve_panel"
    MAPPING = "mapping_meeting"
    MAP = "map_meeting"
    STRATEGY = "strategy_meeting"
    MISPER_PANEL = "misper_panel"
    CME_PANEL = "cme_panel"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class Purpose(StrEnum):
    """The declared purpose of a map view (data minimisation)."""

    SAFETY_PLANNING = "safety_planning"
    COORDINATING = "coordinating_linked_young_people"
    PANEL_OVERSIGHT = "panel_oversight"
    POLICE_DISRUPTION = "police_disruption"


MINIMISED_PURPOSES = frozenset({Purpose.SAFETY_PLANNING, Purpose.COORDINATING})
