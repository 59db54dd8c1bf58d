"""A static PNG picture of a cohort's map, for the minutes and the meeting page.

Drawn with NetworkX (layout) and Pillow (pixels): matplotlib is not a dependency. The layout
is seeded, so the same graph always gives the same picture. Opinion or ungraded links are
dashed (provenance shown visually); links added in the meeting are drawn thick and orange;
the cohort is ringed. Pure: takes nodes and links, returns bytes; no store access.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

import networkx as nx
from PIL import Image, ImageDraw, ImageFont

from schemas.enums import LinkType, NodeLabel
from schemas.nodes import display_name
from schemas.records import StoredLink, StoredNode

WIDTH, HEIGHT, MARGIN = 1200, 800, 110
COLOURS: dict[str, str] = {
    NodeLabel.CHILD: "#1f77b4",
    NodeLabel.PERSON_OF_CONCERN: "#d62728",
    NodeLabel.LOCATION: "#2ca02c",
    NodeLabel.GROUP: "#9467bd",
    NodeLabel.OBJECT: "#7f7f7f",
    NodeLabel.INCIDENT: "#e7ba52",
    NodeLabel.ORGANISATION: "#8c564b",
}
LEGEND = (
    ("Young person", COLOURS[NodeLabel.CHILD]),
    ("Person of concern", COLOURS[NodeLabel.PERSON_OF_CONCERN]),
    ("Place", COLOURS[NodeLabel.LOCATION]),
    ("Group", COLOURS[NodeLabel.GROUP]),
    ("Phone / vehicle / account", COLOURS[NodeLabel.OBJECT]),
    ("Incident", COLOURS[NodeLabel.INCIDENT]),
)
NEW_LINK = "#ff7f0e"
HUB = "__hub__"
HIDDEN_TYPES = frozenset({LinkType.DISCUSSED_AT, LinkType.ASSIGNED_TO, LinkType.SUBJECT_OF})


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, TypeError):  # Pillow without FreeType: the fixed bitmap font
        return ImageFont.load_default()


def _dashed(
    draw: ImageDraw.ImageDraw,
    a: tuple[float, float],
    b: tuple[float, float],
    colour: str,
    width: int,
) -> None:
    length = math.dist(a, b)
    steps = max(1, int(length // 10))
    for i in range(0, steps, 2):
        t0, t1 = i / steps, min(1.0, (i + 1) / steps)
        start = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
        end = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
        draw.line([start, end], fill=colour, width=width)


def _label(node: StoredNode, cohort: set[str], minimise: bool) -> str:
    name = display_name(node.label, node.properties)
    if node.label == NodeLabel.INCIDENT:
        kind = str(node.properties.get("incident_type", "incident")).replace("_", " ")
        name = f"{kind} {str(node.properties.get('occurred_at', ''))[:10]}"
    if minimise and node.label == NodeLabel.CHILD and node.id not in cohort:
        name = "".join(part[:1].upper() for part in name.split()) or "?"
    return name if len(name) <= 22 else name[:21] + "…"


def map_picture(
    nodes: Iterable[StoredNode],
    links: Iterable[StoredLink],
    *,
    cohort: Iterable[str] = (),
    new_links: Iterable[str] = (),
    title: str = "",
    minimise: bool = False,
) -> bytes:
    """The map as PNG bytes.

    Args:
        nodes: the nodes to draw (the cohort and what is around it).
        links: links among them; DISCUSSED_AT / ASSIGNED_TO / SUBJECT_OF and dismissed links
            are left out.
        cohort: ids to ring (the young people discussed).
        new_links: ids of links added in the meeting (drawn thick and orange).
        title: a caption drawn at the top.
        minimise: show young people outside the cohort by initials only.

    Example:
        >>> map_picture([], [])[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
        True
    """
    by_id = {n.id: n for n in nodes}
    ring, fresh = set(cohort), set(new_links)
    G = nx.Graph()
    G.add_nodes_from(sorted(by_id))
    drawn = [
        x
        for x in links
        if x.type not in HIDDEN_TYPES
        and x.properties.get("status") != "dismissed"
        and x.source in by_id
        and x.target in by_id
    ]
    G.add_edges_from((x.source, x.target) for x in drawn)
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image, "RGBA")
    small, bold, big = _font(13), _font(15), _font(18)
    if title:
        draw.text((20, 14), title, fill="black", font=big)
    if not by_id:
        draw.text(
            (WIDTH // 3, HEIGHT // 2), "No young people in the cohort yet.", fill="grey", font=big
        )
        return _png(image)
    pos = _layout(G)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def at(node_id: str) -> tuple[float, float]:
        x, y = pos[node_id]
        return (
            MARGIN + (float(x) - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
            MARGIN + 20 + (float(y) - min(ys)) / span_y * (HEIGHT - 2 * MARGIN - 60),
        )

    for link in sorted(drawn, key=lambda x: x.id in fresh):
        a, b = at(link.source), at(link.target)
        if link.id in fresh:
            draw.line([a, b], fill=NEW_LINK, width=5)
        elif link.properties.get("basis") == "fact" and link.properties.get("grading"):
            draw.line([a, b], fill="#555555", width=2)
        else:
            _dashed(draw, a, b, "#888888", 2)
    order = sorted(by_id, key=lambda n: (n in ring, n))  # the cohort drawn last, on top
    for node_id in order:
        node = by_id[node_id]
        x, y = at(node_id)
        r = 13 if node_id in ring else 9
        colour = COLOURS.get(node.label, "#bbbbbb")
        if node_id in ring:
            draw.ellipse([x - r - 4, y - r - 4, x + r + 4, y + r + 4], outline="black", width=3)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour, outline="white", width=1)
    for node_id in order:
        x, y = at(node_id)
        r = 13 if node_id in ring else 9
        text = _label(by_id[node_id], ring, minimise)
        font = bold if node_id in ring else small
        box = draw.textbbox((x, y + r + 3), text, font=font, anchor="ma")
        draw.rectangle([box[0] - 2, box[1] - 1, box[2] + 2, box[3] + 1], fill="#ffffffd0")
        draw.text((x, y + r + 3), text, fill="black", font=font, anchor="ma")
    _legend(draw, small)
    return _png(image)


def _layout(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Seeded spring layout; a weakly tied hidden hub keeps separate clusters close together."""
    if len(G) == 1:
        return {str(next(iter(G))): (0.0, 0.0)}
    H = nx.Graph()
    H.add_edges_from(G.edges, weight=1.0)
    H.add_nodes_from(G.nodes)
    H.add_edges_from((HUB, n) for n in G.nodes)
    nx.set_edge_attributes(H, {(HUB, n): 0.08 for n in G.nodes}, "weight")
    found = nx.spring_layout(H, seed=7, weight="weight", k=2.2 / math.sqrt(len(H)), iterations=200)
    return {str(n): (float(p[0]), float(p[1])) for n, p in found.items() if n != HUB}


def _legend(draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> None:
    x, y = 20, HEIGHT - 34
    for text, colour in LEGEND:
        draw.ellipse([x, y, x + 14, y + 14], fill=colour)
        draw.text((x + 20, y), text, fill="black", font=font)
        x += 30 + int(draw.textlength(text, font=font))
    draw.line([(x, y + 7), (x + 30, y + 7)], fill="#555555", width=2)
    draw.text((x + 36, y), "fact, graded", fill="black", font=font)
    x += 140
    _dashed(draw, (x, y + 7), (x + 30, y + 7), "#888888", 2)
    draw.text((x + 36, y), "opinion / ungraded", fill="black", font=font)
    x += 175
    draw.line([(x, y + 7), (x + 30, y + 7)], fill=NEW_LINK, width=5)
    draw.text((x + 36, y), "added in this meeting", fill="black", font=font)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
