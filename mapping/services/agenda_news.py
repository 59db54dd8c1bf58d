"""Panel timing for the agenda item: the last panel date, review status, news since the panel."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from mapping.analytics.build import AnalysisData
from schemas.records import StoredNode

DUE_DAYS = 28
NEW_WORDS = {
    "SEEN_AT": ("sighting", "sightings"),
    "FREQUENTS": ("frequenting report", "frequenting reports"),
    "LIVES_AT": ("address link", "address links"),
    "PLACED_AT": ("placement", "placements"),
    "CONCERN_FOR": ("concern link", "concern links"),
    "ASSOCIATES_WITH": ("association", "associations"),
    "MEMBER_OF": ("group membership", "group memberships"),
    "INVOLVED_IN": ("incident involvement", "incident involvements"),
    "OCCURRED_AT": ("incident here", "incidents here"),
}


def last_panel_before(today: date) -> date:
    """The last Thursday of the previous month (MARVE panels are normally the last Thursday).

    Example:
        >>> last_panel_before(date(2026, 12, 4))
        datetime.date(2026, 11, 26)
    """
    end = today.replace(day=1) - timedelta(days=1)
    return end - timedelta(days=(end.weekday() - 3) % 7)


def review_status(node: StoredNode, today: date) -> str:
    """`expired`, `overdue`, `due` (within 28 days), `ok`, or `none` (no review date)."""
    review = str(node.properties.get("review_date") or "")
    if node.properties.get("flag_status") == "expired":
        return "expired"
    if not review:
        return "none"
    if review < today.isoformat():
        return "overdue"
    return "due" if review <= (today + timedelta(days=DUE_DAYS)).isoformat() else "ok"


def new_index(data: AnalysisData, since: str | None) -> dict[str, list[str]]:
    """Node id → phrases for links reported after the last panel ("2 sightings")."""
    if not since:
        return {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for x in data.links:
        if str(x.properties.get("reported_at", ""))[:10] > since:
            for end in (x.source, x.target):
                counts[end][str(x.type)] += 1
    out = {}
    for node_id, found in counts.items():
        words = [NEW_WORDS.get(t, ("link", "links")) for t in sorted(found)]
        out[node_id] = [
            f"{found[t]} {w[0] if found[t] == 1 else w[1]}"
            for t, w in zip(sorted(found), words, strict=True)
        ]
    return out
