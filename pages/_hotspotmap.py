"""The hotspot map: places as scaled circles over a plain background, fetching no map tiles.

Streamlit's pydeck chart draws Carto's base map when a deck has no style; pydeck's "no style"
sentinel keeps it blank. A tile server is used only when CONTEXTMAP_MAP_TILE_URL is set.
"""

from __future__ import annotations

import json
import math
from urllib.parse import quote

import pydeck as pdk
import streamlit as st
from pydeck.types import String

from mapping.services.agenda_model import MapPoint

MAP_COLOURS = ((200, 40, 40), (230, 150, 0), (225, 200, 60))
HEIGHT = 520
NO_BASEMAP = "__MAP_STYLE__"
"""pydeck's "no style" sentinel: with it Streamlit draws no basemap (None would pick Carto's)."""


def _tier(point: MapPoint, top: float) -> tuple[int, int, int]:
    share = point.score / top if top else 0.0
    return MAP_COLOURS[0] if share >= 0.66 else MAP_COLOURS[1] if share >= 0.33 else MAP_COLOURS[2]


def _mercator(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def fit_view(
    lats: list[float], lons: list[float], *, width: int = 700, height: int = HEIGHT
) -> pdk.ViewState:
    """Centre and zoom that fit every point (with a margin) in a width x height map."""
    pad = 0.01
    span_x = max(lons) - min(lons) + 2 * pad
    span_y = _mercator(max(lats) + pad) - _mercator(min(lats) - pad)
    fit = min(width / (span_x * 512 / 360), height / (span_y * 512 / 360))
    return pdk.ViewState(
        latitude=(max(lats) + min(lats)) / 2,
        longitude=(max(lons) + min(lons)) / 2,
        zoom=round(max(1.0, min(16.0, math.log2(fit) - 0.15)), 2),
    )


def hotspot_deck(points: list[MapPoint], tile_url: str = "") -> pdk.Deck:
    """Circles per place (size and colour by score) on a plain frame; no base map unless set."""
    top = max(p.score for p in points)
    rows: list[dict[str, object]] = [
        {
            "name": p.name,
            "why": p.why,
            "lat": p.latitude,
            "lon": p.longitude,
            "radius": 5 + 4 * math.sqrt(max(p.score, 0.0)),
            "color": [*_tier(p, top), 200],
        }
        for p in points
    ]
    lats, lons = [p.latitude for p in points], [p.longitude for p in points]
    pad = 0.01
    frame = [
        [min(lons) - pad, min(lats) - pad],
        [max(lons) + pad, min(lats) - pad],
        [max(lons) + pad, max(lats) + pad],
        [min(lons) - pad, max(lats) + pad],
    ]
    layers = [
        pdk.Layer(
            "PolygonLayer",
            data=[{"polygon": frame}],
            get_polygon="polygon",
            get_fill_color=[240, 242, 245, 255],
            get_line_color=[180, 186, 194, 255],
            line_width_min_pixels=1,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            data=rows,
            get_position="[lon, lat]",
            get_radius="radius",
            radius_units=String("pixels"),
            get_fill_color="color",
            get_line_color=[40, 40, 40, 220],
            line_width_min_pixels=1,
            stroked=True,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            data=rows[:8],
            get_position="[lon, lat]",
            get_text="name",
            get_size=11,
            get_color=[30, 30, 30, 255],
            get_pixel_offset=[0, -16],
            font_family=String("sans-serif"),
        ),
    ]
    style = NO_BASEMAP
    if tile_url:
        # deck.gl's TileLayer needs a JavaScript callback pydeck cannot send, so a configured
        # raster tile server becomes the base map's only source instead.
        style = _raster_style(tile_url)
    return pdk.Deck(
        layers=layers,
        map_provider=None,
        map_style=style,
        initial_view_state=fit_view(lats, lons),
        tooltip={"text": "{name}\n{why}"},
    )


def show_hotspot_map(points: list[MapPoint], tile_url: str) -> None:
    """The map with its legend under it (an empty state when no place has coordinates)."""
    if not points:
        st.info("No ranked place in this window has map coordinates.", icon=":material/map:")
        return
    st.pydeck_chart(hotspot_deck(points, tile_url), height=HEIGHT)
    st.markdown(
        "| colour | meaning |\n|---|---|\n"
        "| red | top third of hotspot scores shown |\n"
        "| amber | middle third |\n"
        "| yellow | lower third |\n\n"
        "Circle size grows with the hotspot score. "
        + (
            "Base map from the configured tile server."
            if tile_url
            else "No base map is loaded: nothing is requested from any map server; the grey "
            "frame is the area of the ranked places."
        )
    )


def _raster_style(tile_url: str) -> str:
    style = {
        "version": 8,
        "sources": {"tiles": {"type": "raster", "tiles": [tile_url], "tileSize": 256}},
        "layers": [{"id": "tiles", "type": "raster", "source": "tiles"}],
    }
    return "data:application/json," + quote(json.dumps(style))
