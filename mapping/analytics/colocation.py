"""Co-location: people seen at the same place within days of each other with no recorded link.

Each result is a suggested link for a meeting to confirm or dismiss, never a link itself.
Pure functions on the person–place graph (SEEN_AT edges and their dates).
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx
import numpy as np

from schemas.analysis import CoLocation
from schemas.enums import NodeLabel

WINDOW_DAYS = 7


def sightings(B: nx.MultiGraph) -> list[tuple[str, str, str]]:
    """(place, ISO day, person) for every dated SEEN_AT edge, sorted."""
    seen = []
    for u, v, attrs in B.edges(data=True):
        if attrs.get("type") != "SEEN_AT" or not attrs.get("date"):
            continue
        person, place = (u, v) if B.nodes[v].get("label") == NodeLabel.LOCATION else (v, u)
        seen.append((str(place), str(attrs["date"])[:10], str(person)))
    return sorted(seen)


def co_locations(
    B: nx.MultiGraph,
    *,
    recorded: Collection[tuple[str, str]] = (),
    window_days: int = WINDOW_DAYS,
    top: int = 20,
) -> list[CoLocation]:
    """Pairs seen at the same place within `window_days` of each other and not linked.

    `times` counts the pairs of sightings (one of each person) at most `window_days` apart;
    `first` and `last` are the earliest and latest of those sightings. `recorded` holds the
    (sorted) pairs that already have a direct link. Best first: times, then most recent,
    then ids. Vectorised with NumPy: county scale has millions of sighting pairs.

    Example:
        >>> B = nx.MultiGraph()
        >>> B.add_node("L", label="Location", name="Chicken Shack")
        >>> B.add_edge("C1", "L", type="SEEN_AT", date="2026-03-01")
        0
        >>> B.add_edge("C2", "L", type="SEEN_AT", date="2026-03-04")
        0
        >>> [(x.a, x.b, x.times, x.first, x.last) for x in co_locations(B)]
        [('C1', 'C2', 1, '2026-03-01', '2026-03-04')]
    """
    seen = sightings(B)
    if not seen or top <= 0:
        return []
    places = sorted({s[0] for s in seen})
    people = sorted({s[2] for s in seen})
    place_ix = {p: i for i, p in enumerate(places)}
    person_ix = {p: i for i, p in enumerate(people)}
    loc = np.array([place_ix[s[0]] for s in seen], dtype=np.int64)
    day = np.array([s[1] for s in seen], dtype="datetime64[D]").astype(np.int64)
    who = np.array([person_ix[s[2]] for s in seen], dtype=np.int64)
    # Sorted by place then day: a sighting's partners are the next ones up to day + window.
    stamp = loc * 10_000_000 + (day - day.min())
    ends = np.searchsorted(stamp, stamp + window_days, side="right")
    counts = ends - np.arange(len(seen)) - 1
    first_ix = np.repeat(np.arange(len(seen)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    second_ix = first_ix + 1 + offsets
    a, b = who[first_ix], who[second_ix]
    keep = a != b
    lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    first_ix, second_ix = first_ix[keep], second_ix[keep]
    n = len(people)
    if recorded:
        linked = [
            person_ix[x] * n + person_ix[y]
            for x, y in recorded
            if x in person_ix and y in person_ix
        ]
        fresh = ~np.isin(lo * n + hi, np.array(linked, dtype=np.int64))
        lo, hi, first_ix, second_ix = lo[fresh], hi[fresh], first_ix[fresh], second_ix[fresh]
    if not len(lo):
        return []
    key = (loc[first_ix] * n + lo) * n + hi
    order = np.argsort(key, kind="stable")
    key, starts = np.unique(key[order], return_index=True)
    times = np.diff(np.append(starts, len(order)))
    first = np.minimum.reduceat(day[first_ix][order], starts)
    last = np.maximum.reduceat(day[second_ix][order], starts)
    place_of, pair = key // (n * n), key % (n * n)
    # Keys sort as (place, a, b); ranking wants times desc, last desc, then (a, b, place).
    ranked = np.lexsort((place_of, pair % n, pair // n, -last, -times))[:top]
    out = []
    for i in ranked:
        place = places[int(place_of[i])]
        x, y = people[int(pair[i] // n)], people[int(pair[i] % n)]
        kinds = {B.nodes[p].get("label") for p in (x, y) if p in B}
        name = str(B.nodes[place].get("name", place))
        start, stop = _iso(int(first[i])), _iso(int(last[i]))
        out.append(
            CoLocation(
                a=x,
                b=y,
                location=place,
                times=int(times[i]),
                first=start,
                last=stop,
                location_name=name,
                why=_why(name, int(times[i]), start, stop, window_days, kinds),
            )
        )
    return out


def _iso(days: int) -> str:
    return str(np.datetime64(days, "D"))


def _why(name: str, times: int, first: str, last: str, window: int, kinds: set[object]) -> str:
    span = f"between {first} and {last}" if last != first else f"on {first}"
    occasions = "once" if times == 1 else f"on {times} occasions"
    text = (
        f"Both seen at {name} within {window} days of each other {occasions}, {span}, "
        "with no recorded link between them: a possible link for the meeting to confirm or "
        "dismiss."
    )
    if NodeLabel.PERSON_OF_CONCERN in kinds and NodeLabel.CHILD in kinds:
        text += " One of them is a person of concern."
    return text
