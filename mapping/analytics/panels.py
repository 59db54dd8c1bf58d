"""Common children: children on more than one panel's list ("are there any common children?")."""

from __future__ import annotations

from collections.abc import Iterable

from schemas.analysis import CommonChild
from schemas.enums import NodeLabel, Panel
from schemas.records import StoredNode

_ORDER = {str(p): i for i, p in enumerate(Panel)}


def common_children(children: Iterable[StoredNode], *, top: int = 20) -> list[CommonChild]:
    """Children whose ``panels`` list names two or more panels; most panels first, then id.

    Example:
        >>> from schemas.records import Meta
        >>> meta = Meta(1, "", "", "", "")
        >>> kid = StoredNode("C-1", NodeLabel.CHILD, {"forename": "A", "panels": ["Prevent", "MARVE"]}, meta)
        >>> [(c.id, c.panels) for c in common_children([kid])]
        [('C-1', ['MARVE', 'Prevent'])]
    """
    found = []
    for node in children:
        if node.label != NodeLabel.CHILD:
            continue
        panels = sorted({str(p) for p in node.properties.get("panels") or []}, key=_rank)
        if len(panels) > 1:
            found.append((node, panels))
    found.sort(key=lambda np: (-len(np[1]), np[0].id))
    out = []
    for node, panels in found[:top]:
        names = " and ".join([", ".join(panels[:-1]), panels[-1]])
        out.append(
            CommonChild(
                id=node.id,
                panels=panels,
                name=" ".join(
                    str(node.properties[k])
                    for k in ("forename", "family_name")
                    if node.properties.get(k)
                ),
                why=(
                    f"On the {names} lists: check the panels share what they know and agree"
                    " one plan, so the child is not discussed twice without joined-up actions."
                ),
            )
        )
    return out


def _rank(panel: str) -> tuple[int, str]:
    return (_ORDER.get(panel, len(_ORDER)), panel)
