"""The only pyvis code: a network view as one self-contained HTML page that fetches nothing.

pyvis 0.3.2 inlines vis-network with ``cdn_resources="in_line"`` but still links Bootstrap from a
CDN and mentions ``../node_modules``; those tags are removed here, URLs in the inlined library
are neutralised and a Content-Security-Policy forbids any fetch. Labels and tooltips are plain
text, HTML-escaped; pyvis's HTML-tooltip mode (switched on when a title contains "href") is never
used. Positions come from NetworkX on the server (`view_graph.layout`); physics is off.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyvis
import streamlit as st
from pyvis.network import Network

from mapping.services.view_graph import layout
from mapping.services.views import NetworkView, ViewLink, ViewNode, plain

PEER_COLOURS: tuple[tuple[str, str], ...] = (
    ("#1f77b4", "blue"),
    ("#ff7f0e", "orange"),
    ("#2ca02c", "green"),
    ("#9467bd", "purple"),
    ("#8c564b", "brown"),
    ("#d62728", "red"),
    ("#e6c229", "yellow"),
    ("#333333", "black"),
)
NO_GROUP = ("#b8c2cc", "light grey")
RAG_COLOURS: dict[str | None, tuple[str, str, str]] = {
    "high": ("#c0392b", "red", "high"),
    "medium": ("#e69a00", "amber", "medium"),
    "low": ("#2e8b57", "green", "low"),
    None: ("#b8c2cc", "light grey", "not rated"),
}
SHAPES: dict[str, tuple[str, str, str]] = {
    "Child": ("dot", "●", "young person"),
    "PersonOfConcern": ("diamond", "◆", "person of concern"),
    "Location": ("square", "■", "place"),
    "Group": ("triangle", "▲", "group"),
    "Object": ("triangleDown", "▼", "phone, vehicle or account"),
    "Incident": ("star", "★", "incident"),
    "Organisation": ("hexagon", "⬢", "agency or school"),
}
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)
MIN_CSS = (
    "body{margin:0;font-family:sans-serif}"
    "#mynetwork{border:1px solid #d0d7de;position:relative}"
    ".vis-tooltip{position:absolute;visibility:hidden;padding:6px;white-space:pre-line;"
    "font-size:13px;background:#fffbe6;border:1px solid #999;border-radius:3px;"
    "pointer-events:none;z-index:5;max-width:320px}"
    ".cm-legend{font-size:12px;color:#333;padding:6px 2px;line-height:1.8}"
    ".cm-legend span.sw{display:inline-block;width:11px;height:11px;margin:0 4px 0 10px;"
    "vertical-align:middle;border:1px solid #666}"
)
_VIS_CSS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.css"


def _esc(text: object, limit: int = 200) -> str:
    return html.escape(plain(text, limit), quote=False)


def node_colour(node: ViewNode, colour_by: str) -> str:
    if colour_by == "rag":
        return RAG_COLOURS.get(node.rag, RAG_COLOURS[None])[0]
    if node.peer_group is None:
        return NO_GROUP[0]
    return PEER_COLOURS[(node.peer_group - 1) % len(PEER_COLOURS)][0]


def legend_entries(nodes: Sequence[ViewNode], colour_by: str) -> list[tuple[str, str, str]]:
    """(colour hex, colour name, meaning) for the colours in use."""
    entries: list[tuple[str, str, str]] = []
    if colour_by == "rag":
        for level in ("high", "medium", "low", None):
            if any(n.rag == level for n in nodes):
                hex_, name, word = RAG_COLOURS[level]
                entries.append((hex_, name, f"RAG {word} (highest rating)"))
    else:
        sizes = Counter(n.peer_group for n in nodes if n.peer_group is not None)
        for group in sorted(sizes)[: len(PEER_COLOURS)]:
            hex_, name = PEER_COLOURS[(group - 1) % len(PEER_COLOURS)]
            entries.append((hex_, name, f"peer group {group} ({sizes[group]} people)"))
        if len(sizes) > len(PEER_COLOURS):
            more = len(sizes) - len(PEER_COLOURS)
            entries.append(("#ffffff", "white", f"{more} smaller peer groups reuse these colours"))
        entries.append((*NO_GROUP, "not in a peer group"))
    return entries


def legend_text(nodes: Sequence[ViewNode], colour_by: str) -> list[str]:
    """Shape and line lines of the legend (plain text)."""
    kinds = [k for k in SHAPES if any(n.kind == k for n in nodes)]
    shapes = " · ".join(f"{SHAPES[k][1]} {SHAPES[k][2]}" for k in kinds)
    lines = "━ solid line: fact (graded) · ┅ dashed line: opinion or ungraded"
    size = "size: betweenness in this view · thick border: the record the map is about"
    return [shapes, lines, size]


def legend_markdown(nodes: Sequence[ViewNode], colour_by: str) -> str:
    """The legend as Markdown for under the map (always shown)."""
    what = "highest RAG" if colour_by == "rag" else "peer group"
    rows = [f"| colour ({what}) | meaning |", "|---|---|"]
    rows += [f"| {name} | {meaning} |" for _, name, meaning in legend_entries(nodes, colour_by)]
    return "\n".join(rows) + "\n\n" + "  \n".join(legend_text(nodes, colour_by))


def _legend_html(nodes: Sequence[ViewNode], colour_by: str, note: str) -> str:
    swatches = "".join(
        f'<span class="sw" style="background:{hex_}"></span>{_esc(meaning)}'
        for hex_, _, meaning in legend_entries(nodes, colour_by)
    )
    lines = "<br>".join(_esc(line) for line in [*legend_text(nodes, colour_by), note] if line)
    return f'<div class="cm-legend"><b>Legend</b>{swatches}<br>{lines}</div>'


def _vis_nodes(
    nodes: Sequence[ViewNode], colour_by: str, positions: Mapping[str, tuple[float, float]]
) -> list[dict[str, Any]]:
    top = max((n.betweenness for n in nodes), default=0.0) or 1.0
    out = []
    for n in nodes:
        x, y = positions.get(n.id, (0.0, 0.0))
        colour = node_colour(n, colour_by)
        out.append(
            {
                "id": n.id,
                "label": _esc(n.label, 40),
                "title": _esc(n.detail or n.label, 600),
                "x": round(x, 1),
                "y": round(y, 1),
                "shape": SHAPES.get(n.kind, ("dot", "", ""))[0],
                "size": round(10 + 26 * (n.betweenness / top), 1),
                "color": {"background": colour, "border": "#111111" if n.focus else colour},
                "borderWidth": 4 if n.focus else 1,
                "font": {"size": 16 if n.focus else 12, "bold": n.focus},
            }
        )
    return out


def _vis_edges(links: Sequence[ViewLink]) -> list[dict[str, Any]]:
    return [
        {
            "id": x.id,
            "from": x.source,
            "to": x.target,
            "title": _esc(x.detail, 600),
            "dashes": x.evidence != "fact",
            "width": 2 if x.evidence == "fact" else 1.5,
            "color": {"color": "#4a4a4a" if x.evidence == "fact" else "#8c8c8c"},
        }
        for x in links
    ]


def self_contained(doc: str) -> str:
    """Strip every external reference from pyvis's page and forbid fetches with a CSP."""
    doc = re.sub(r"<!--\s*<link\b.*?-->", "", doc, flags=re.S)  # the ../node_modules note
    doc = re.sub(r"<link\b[^>]*>", "", doc, flags=re.I)
    doc = re.sub(r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script>", "", doc, flags=re.I | re.S)
    doc = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", doc)
    doc = re.sub(r"//# sourceMappingURL=[^\s<]+", "", doc)
    # URL strings inside the inlined library (an SVG namespace, licence notes) are not fetched,
    # but no text that looks like a remote URL should leave this module.
    doc = re.sub(r"([\"'])(https?:)//", r"\1\2\1+\1//", doc)
    doc = re.sub(r"https?://", "", doc, flags=re.I)
    if _VIS_CSS.exists():
        doc = doc.replace(f"<style>{_VIS_CSS.read_text(encoding='utf-8')}</style>", "")
    head = f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><style>{MIN_CSS}</style>'
    return doc.replace('<meta charset="utf-8">', f'<meta charset="utf-8">{head}', 1)


def render_network_html(
    nodes: Sequence[ViewNode],
    links: Sequence[ViewLink],
    *,
    height: int = 600,
    colour_by: str = "peer_group",
    positions: Mapping[str, tuple[float, float]] | None = None,
    note: str = "",
) -> str:
    """A standalone HTML page drawing the view with vis-network (no external URL anywhere)."""
    where = positions if positions is not None else layout(nodes, links)
    net = Network(height=f"{height}px", width="100%", cdn_resources="in_line", bgcolor="#ffffff")
    net.nodes = _vis_nodes(nodes, colour_by, where)
    net.edges = _vis_edges(links)
    net.node_ids = [n.id for n in nodes]
    net.options = {
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(links) > 800},
        "nodes": {"font": {"face": "sans-serif"}},
    }
    data, edges, _, height_css, width, options = net.get_network_data()
    # Render pyvis's own template directly so its HTML-tooltip mode is never switched on.
    page = net.templateEnv.get_template(net.path).render(
        height=height_css,
        width=width,
        nodes=data,
        edges=edges,
        heading="",
        options=options,
        physics_enabled=False,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor=net.bgcolor,
        conf=False,
        tooltip_link=False,
        neighborhood_highlight=False,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
    )
    legend = _legend_html(nodes, colour_by, note)
    return self_contained(page).replace("</body>", f"{legend}</body>", 1)


def show_network(view: NetworkView, *, colour_by: str = "peer_group", height: int = 560) -> str:
    """Draw a view in the page with its legend under it; returns the HTML (for export)."""
    note = view.warning or ""
    page = render_network_html(
        view.nodes, view.links, height=height, colour_by=colour_by, note=note
    )
    st.iframe(page, height=height + 120)
    st.markdown(legend_markdown(view.nodes, colour_by))
    return page
