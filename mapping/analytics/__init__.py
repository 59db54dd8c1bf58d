"""Network analytics for panels: graphs built from the store, measures with reasons (§5).

`report.analyse` runs everything; each concept has its own module (brokers, communities,
hotspots, colocation, association, duplicates, panels, ego). Only this package builds
NetworkX graphs (`build.py`); nothing here writes to a store or sets a RAG rating.
"""
