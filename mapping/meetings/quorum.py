"""The MARVE quorum rule: Health, Children's Social Care, Police and Education represented."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schemas.enums import Agency

# Agencies in the order the quorum line names them (the reference's order).
# Kept equal to schemas.enums.QUORUM_AGENCIES (a unit test checks).
QUORUM_ORDER: tuple[Agency, ...] = (Agency.HEALTH, Agency.CSC, Agency.POLICE, Agency.EDUCATION)


def _and_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class Quorum:
    """Whether Health, Children's Social Care, Police and Education are all represented."""

    present: tuple[Agency, ...]
    missing: tuple[Agency, ...]

    @property
    def quorate(self) -> bool:
        return not self.missing

    @property
    def line(self) -> str:
        """One sentence for the page and the minutes.

        >>> quorum([{"name": "A", "agency": "Police"}]).line.split(":")[0]
        'Not quorate'
        """
        if self.quorate:
            return f"Quorate: {_and_list([a.value for a in QUORUM_ORDER])} present."
        return (
            f"Not quorate: {_and_list([a.value for a in self.missing])} not present "
            f"(the panel needs {_and_list([a.value for a in QUORUM_ORDER])})."
        )


def quorum(attendees: Iterable[dict[str, str]]) -> Quorum:
    """The quorum for a list of `{name, agency}` attendees."""
    agencies = {str(a.get("agency", "")) for a in attendees}
    present = tuple(a for a in QUORUM_ORDER if a.value in agencies)
    missing = tuple(a for a in QUORUM_ORDER if a.value not in agencies)
    return Quorum(present, missing)
