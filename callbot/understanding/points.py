"""A point on the map (a location a citizen shared in a chat) placed in an old HCMC ward.

The gazetteer's source (``vietnamadminunits``' bundled ``dataset.db``, read offline) gives
every old ward of HCMC a centre and a bounding box, no outline. A point is placed when the
boxes that hold it leave no doubt: one box only, or the nearest centre among them clearly
nearer than the next (:data:`CLEAR`). Otherwise, or outside every box, it is not placed: the
chat then asks the citizen for their ward. Boxes overlap along the borders of neighbouring
wards, so a point there is often left unplaced rather than guessed.

``callbot eval`` does not score this; its test measures, over every ward's own centre, how
many are placed, and in the right ward. Pure after the first read (cached).

    >>> place_point(10.7931, 106.6903).value     # the centre of Phường Tân Định, Quận 1
    'Phường Tân Định, Quận 1'
"""

from __future__ import annotations

import functools
import math
import sqlite3
from dataclasses import dataclass

from callbot.understanding.gazetteer import PROVINCE_KEY, data_dir, load_gazetteer

CLEAR = 0.7  # the nearest centre must be this much nearer than the next box's centre
EARTH_KM = 6371.0


@dataclass(frozen=True)
class _Box:
    ward: str
    district: str
    latitude: float
    longitude: float
    south: float
    west: float
    north: float
    east: float

    def holds(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


@dataclass(frozen=True)
class Place:
    """Where a point was placed: an old ward (canonical names) and the 2025 unit(s) it became."""

    ward: str
    district: str
    new_units: tuple[str, ...]
    distance_km: float  # from the ward's centre

    @property
    def value(self) -> str:
        """The ward as the written requests' ward picker names it (``"Phường 2, Quận 5"``)."""
        return f"{self.ward}, {self.district}"

    @property
    def label(self) -> str:
        """The ward, and the 2025 unit it became, for a citizen to read."""
        now = f" (nay là {' hoặc '.join(self.new_units)})" if self.new_units else ""
        return f"{self.value}{now}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def _bounds(text: str) -> tuple[float, float, float, float] | None:
    """``"10.78,106.68 – 10.79,106.69"`` -> (south, west, north, east)."""
    corners = text.replace("–", " ").split()  # the data writes an en dash between corners
    try:
        (lat1, lon1), (lat2, lon2) = (tuple(float(v) for v in c.split(",")) for c in corners)
    except ValueError:
        return None
    return min(lat1, lat2), min(lon1, lon2), max(lat1, lat2), max(lon1, lon2)


@functools.cache
def _boxes() -> tuple[_Box, ...]:
    db = sqlite3.connect(f"file:{data_dir() / 'dataset.db'}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT ward, district, wardLat, wardLon, wardBounds FROM admin_units_legacy"
            " WHERE provinceKey = ? AND wardLat IS NOT NULL AND wardBounds IS NOT NULL",
            (PROVINCE_KEY,),
        ).fetchall()
    finally:
        db.close()
    boxes = []
    for ward, district, latitude, longitude, bounds in rows:
        box = _bounds(bounds)
        if box is not None:
            boxes.append(_Box(ward, district, float(latitude), float(longitude), *box))
    return tuple(boxes)


def place_point(latitude: float, longitude: float) -> Place | None:
    """The old ward holding the point, or None when it cannot be placed without doubt."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    holding = sorted(
        (
            (distance_km(latitude, longitude, b.latitude, b.longitude), b)
            for b in _boxes()
            if b.holds(latitude, longitude)
        ),
        key=lambda pair: pair[0],
    )
    if not holding:
        return None
    nearest, box = holding[0]
    if len(holding) > 1 and nearest > CLEAR * holding[1][0]:
        return None
    new_units = tuple(load_gazetteer().new_units_for(box.ward, box.district))
    return Place(box.ward, box.district, new_units, round(nearest, 3))
