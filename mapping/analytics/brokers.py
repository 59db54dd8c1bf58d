"""Brokers: people whose position joins otherwise separate parts of the association network.

Pure functions on a NetworkX graph; nothing here reads a store or sets a rating.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse
import scipy.sparse.linalg

from mapping.analytics.betweenness import betweenness
from schemas.analysis import Broker
from schemas.enums import NodeLabel

EXACT_LIMIT = 5000
"""Exact betweenness up to this many people; above it a seeded k-sample approximation."""
SEED = 42
SAMPLE_EDGE_BUDGET = 72_000_000
"""Approximate betweenness samples about this many edge visits (k = budget / edges)."""
MIN_SAMPLES, MAX_SAMPLES = 128, 2000
DENSE_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Centrality:
    """Betweenness, degree and eigenvector centrality per node, and how they were computed."""

    betweenness: dict[Hashable, float]
    degree: dict[Hashable, int]
    eigenvector: dict[Hashable, float]
    approximate: bool
    samples: int
    eigenvector_converged: bool


def sample_size(G: nx.Graph, *, exact_limit: int = EXACT_LIMIT) -> int | None:
    """None for exact betweenness, else the number of sampled sources (documented budget)."""
    n = int(G.number_of_nodes())
    if n <= exact_limit:
        return None
    k = SAMPLE_EDGE_BUDGET // max(1, int(G.number_of_edges()))
    return max(MIN_SAMPLES, min(MAX_SAMPLES, k, n))


def eigenvector(G: nx.Graph, *, tol: float = 1e-10) -> dict[Hashable, float]:
    """Eigenvector centrality: the leading eigenvector of the adjacency matrix, unit length.

    Small graphs use a dense symmetric solver; large ones Lanczos (ARPACK) from a fixed
    uniform start vector, so results repeat run to run. In a disconnected graph the vector
    lives on the component with the largest eigenvalue (as in NetworkX). Raises
    nx.PowerIterationFailedConvergence when the solver does not converge.

    Example:
        >>> c = eigenvector(nx.star_graph(3))
        >>> max(c, key=lambda n: c[n])
        0
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=None, format="csr", dtype=float)
    if n <= DENSE_LIMIT:
        _, vectors = np.linalg.eigh(A.toarray())
        x = vectors[:, -1]
    else:
        try:
            _, vectors = scipy.sparse.linalg.eigsh(
                A, k=1, which="LA", v0=np.full(n, 1.0 / n), tol=tol, maxiter=20 * n
            )
        except scipy.sparse.linalg.ArpackNoConvergence as exc:
            raise nx.PowerIterationFailedConvergence(20 * n) from exc
        x = vectors[:, 0]
    x = np.abs(x) / (float(np.linalg.norm(x)) or 1.0)
    return {v: float(value) for v, value in zip(nodes, x, strict=True)}


def centrality(G: nx.Graph, *, exact_limit: int = EXACT_LIMIT, seed: int = SEED) -> Centrality:
    """Normalised betweenness (exact or seeded sample), degree and eigenvector centrality.

    Example:
        >>> c = centrality(nx.path_graph(3))
        >>> c.betweenness[1], c.degree[1], c.approximate
        (1.0, 2, False)
    """
    k = sample_size(G, exact_limit=exact_limit)
    between = betweenness(G, k=k, seed=seed)
    try:
        eig, converged = eigenvector(G), True
    except nx.PowerIterationFailedConvergence:
        eig, converged = dict.fromkeys(G, 0.0), False
    degree = {n: int(d) for n, d in G.degree()}
    return Centrality(between, degree, eig, k is not None, k or len(G), converged)


def ranking(c: Centrality) -> list[Hashable]:
    """Nodes best first: betweenness (to 6 places), then degree, then id."""
    return sorted(
        c.betweenness,
        key=lambda n: (-round(c.betweenness[n], 6), -c.degree[n], str(n)),
    )


def brokers(
    G: nx.Graph,
    *,
    top: int = 20,
    groups: Mapping[Hashable, int] | None = None,
    exact_limit: int = EXACT_LIMIT,
    seed: int = SEED,
) -> list[Broker]:
    """The `top` people with the highest betweenness (>0), each with a reason.

    `groups` maps a person to their peer group, so the reason can say how many groups a
    broker's direct links reach. Node attributes ``label`` and ``name`` are used when present.

    Example:
        >>> G = nx.barbell_graph(3, 1)
        >>> [b.id for b in brokers(G, top=1)]
        ['3']
    """
    c = centrality(G, exact_limit=exact_limit, seed=seed)
    ranked = [n for n in ranking(c) if round(c.betweenness[n], 6) > 0]
    out = []
    for rank, node in enumerate(ranked[:top], start=1):
        reached = _groups_reached(G, node, groups)
        attrs = G.nodes[node]
        out.append(
            Broker(
                id=str(node),
                label=str(attrs.get("label", "")),
                name=str(attrs.get("name", node)),
                betweenness=min(1.0, round(c.betweenness[node], 6)),
                degree=c.degree[node],
                eigenvector=min(1.0, max(0.0, round(c.eigenvector[node], 6))),
                approximate=c.approximate,
                peer_groups_linked=reached,
                why=_why(node, attrs, rank, len(G), c, reached),
            )
        )
    return out


def _groups_reached(G: nx.Graph, node: Hashable, groups: Mapping[Hashable, int] | None) -> int:
    if not groups:
        return 0
    return len({groups[n] for n in [node, *G.neighbors(node)] if n in groups})


def _why(
    node: Hashable,
    attrs: Mapping[str, object],
    rank: int,
    people: int,
    c: Centrality,
    reached: int,
) -> str:
    share = c.betweenness[node] * 100
    estimate = "an estimated " if c.approximate else ""
    text = (
        f"Ranked {rank} of {people} people: lies on {estimate}{share:.1f}% of the shortest "
        f"paths between other people, with {c.degree[node]} direct links"
    )
    if reached > 1:
        text += f" reaching {reached} different peer groups"
    text += "."
    if attrs.get("label") == NodeLabel.CHILD:
        text += (
            " A child in a bridging position may be at risk of being used to pass on contacts,"
            " messages or goods; discuss as a victim first."
        )
    return text
