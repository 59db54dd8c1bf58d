"""Possible duplicates: person records that may be the same young person or adult.

Three rules, each checked only inside small blocks so the work stays near-linear:
similar names and the same date of birth (blocked by date of birth); a name or alias of one
equal to a name or alias of the other (blocked by that key); very similar names where a date
of birth is missing (blocked by family name). Records whose dates of birth differ are never
suggested. A person decides whether to merge; nothing here changes a record.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from schemas.analysis import Duplicate
from schemas.enums import PERSON_LABELS
from schemas.records import StoredNode

NAME_THRESHOLD = 0.80
"""Name similarity (0–1) needed when the dates of birth match."""
NO_DOB_THRESHOLD = 0.92
"""Name similarity needed when a date of birth is missing on either side."""
MAX_BLOCK = 200
"""Blocks larger than this (a common nickname, a default date) are skipped: no evidence."""


@dataclass(frozen=True, slots=True)
class PersonKey:
    """What duplicate matching compares: id, names, aliases and date of birth."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    date_of_birth: str | None = None
    family_name: str | None = None
    norm_name: str = field(init=False, default="")
    norm_aliases: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        # Normalised once: blocks compare each record with many others.
        object.__setattr__(self, "norm_name", normalise(self.name))
        object.__setattr__(
            self, "norm_aliases", frozenset(normalise(a) for a in self.aliases) - {""}
        )

    @property
    def variants(self) -> list[str]:
        return sorted({self.norm_name, *self.norm_aliases} - {""})


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-blind text for name comparison.

    Example:
        >>> normalise("  Zoë O'Neil-Smith ")
        'zoe oneil smith'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['’`.]", "", plain)
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def similarity(a: PersonKey, b: PersonKey) -> float:
    """Best token-sort similarity (0–1) between any name or alias of `a` and of `b`."""
    best = 0.0
    for x in a.variants:
        for y in b.variants:
            best = max(best, fuzz.token_sort_ratio(x, y) / 100.0)
    return best


def _alias_match(a: PersonKey, b: PersonKey) -> bool:
    """A name or alias of one equals an alias of the other (names alone don't count)."""
    names_a, names_b = {a.norm_name}, {b.norm_name}
    aliases_a, aliases_b = a.norm_aliases, b.norm_aliases
    return bool(aliases_a & (names_b | aliases_b) or aliases_b & names_a)


def _blocks(people: list[PersonKey]) -> Iterable[list[PersonKey]]:
    by_key: dict[tuple[str, str], list[PersonKey]] = defaultdict(list)
    for person in people:
        if person.date_of_birth:
            by_key[("dob", person.date_of_birth)].append(person)
        for variant in person.variants:
            by_key[("name", variant)].append(person)
        family = normalise(person.family_name or "")
        if family:
            by_key[("family", family)].append(person)
    for key in sorted(by_key):
        block = by_key[key]
        if 1 < len(block) <= MAX_BLOCK:
            yield block


def possible_duplicates(people: Iterable[PersonKey], *, top: int = 20) -> list[Duplicate]:
    """Pairs of person records that may be the same person, most similar first.

    Example:
        >>> a = PersonKey("C-1", "Jayden Smith", (), "2010-05-01")
        >>> b = PersonKey("C-2", "Jaydon Smyth", ("Jayden Smith",), "2010-05-01")
        >>> d = possible_duplicates([a, b])[0]
        >>> d.a, d.b, d.similarity, d.alias_match
        ('C-1', 'C-2', 1.0, True)
    """
    ordered = sorted(people, key=lambda p: p.id)
    found: dict[tuple[str, str], Duplicate] = {}
    for block in _blocks(ordered):
        for a, b in itertools.combinations(block, 2):
            key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if key in found or a.id == b.id:
                continue
            match = _judge(*sorted((a, b), key=lambda p: p.id))
            if match is not None:
                found[key] = match
    ranked = sorted(found.values(), key=lambda d: (-d.similarity, d.a, d.b))
    return ranked[:top]


def _judge(a: PersonKey, b: PersonKey) -> Duplicate | None:
    if a.date_of_birth and b.date_of_birth and a.date_of_birth != b.date_of_birth:
        return None
    same_dob = bool(a.date_of_birth) and a.date_of_birth == b.date_of_birth
    alias = _alias_match(a, b)
    score = similarity(a, b)
    threshold = NAME_THRESHOLD if same_dob else NO_DOB_THRESHOLD
    if not (alias or score >= threshold):
        return None
    parts = ["an alias of one matches a name or alias of the other"] if alias else []
    if score >= NAME_THRESHOLD and not (alias and score == 1.0):
        parts.append(f"names {score:.0%} similar")
    parts.append(
        "the same date of birth"
        if same_dob
        else "no date of birth on one or both records, so none conflicts"
    )
    text = "; ".join(parts)
    return Duplicate(
        a=a.id,
        b=b.id,
        similarity=round(score, 6),
        same_date_of_birth=same_dob,
        alias_match=alias,
        why=text[:1].upper() + text[1:] + ". Check before merging: a person decides.",
    )


def person_keys(nodes: Iterable[StoredNode]) -> list[PersonKey]:
    """The matching keys of every child and person of concern among `nodes`."""
    keys = []
    for node in nodes:
        if node.label not in PERSON_LABELS:
            continue
        props = node.properties
        keys.append(
            PersonKey(
                id=node.id,
                name=" ".join(str(props[k]) for k in ("forename", "family_name") if props.get(k)),
                aliases=tuple(str(a) for a in props.get("aliases") or []),
                date_of_birth=str(props["date_of_birth"])[:10]
                if props.get("date_of_birth")
                else None,
                family_name=str(props["family_name"]) if props.get("family_name") else None,
            )
        )
    return keys
