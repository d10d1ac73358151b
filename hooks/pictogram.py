"""The site's logo (docs/assets/favicon.svg) as the PNG icons a phone wants when the site is installed.

Browsers install a web app only with square PNG icons (192 and 512 pixels; a 'maskable' one that may be cut
to a circle, and 180 pixels for iOS). They are drawn here from the one path in the favicon, in pure Python:
no image library, no browser, so the build needs nothing new. White logo on the theme's teal.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

KLEUR = (0x00, 0x79, 0x6B)  # Material's teal 700, the favicon's colour and the manifest's theme colour
WIT = (0xFF, 0xFF, 0xFF)
STAPPEN_PER_BOCHT = 24
OVERSAMPLING = 4  # 4×4 samples per pixel: smooth edges


def _getallen(tekst: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?", tekst)]


def paden(d: str) -> list[list[tuple[float, float]]]:
    """The closed outlines of an SVG path (M, L, H, V, C, Z, absolute and relative), curves as short lines."""
    uit: list[list[tuple[float, float]]] = []
    huidig: list[tuple[float, float]] = []
    x = y = 0.0
    for opdracht, argumenten in re.findall(r"([MmLlHhVvCcZz])([^MmLlHhVvCcZz]*)", d):
        getallen = _getallen(argumenten)
        relatief = opdracht.islower()
        soort = opdracht.upper()
        if soort == "Z":
            if huidig:
                uit.append(huidig)
            huidig = []
            continue
        stap = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6}[soort]
        for i in range(0, len(getallen), stap):
            g = getallen[i : i + stap]
            dx, dy = (x, y) if relatief else (0.0, 0.0)
            if soort == "M" and i == 0:
                if huidig:
                    uit.append(huidig)
                x, y = g[0] + dx, g[1] + dy
                huidig = [(x, y)]
            elif soort in ("M", "L"):
                x, y = g[0] + dx, g[1] + dy
                huidig.append((x, y))
            elif soort == "H":
                x = g[0] + (x if relatief else 0.0)
                huidig.append((x, y))
            elif soort == "V":
                y = g[0] + (y if relatief else 0.0)
                huidig.append((x, y))
            else:
                x0, y0 = x, y
                x1, y1, x2, y2, x3, y3 = g[0] + dx, g[1] + dy, g[2] + dx, g[3] + dy, g[4] + dx, g[5] + dy
                for n in range(1, STAPPEN_PER_BOCHT + 1):
                    t = n / STAPPEN_PER_BOCHT
                    s = 1 - t
                    huidig.append(
                        (
                            s**3 * x0 + 3 * s * s * t * x1 + 3 * s * t * t * x2 + t**3 * x3,
                            s**3 * y0 + 3 * s * s * t * y1 + 3 * s * t * t * y2 + t**3 * y3,
                        )
                    )
                x, y = x3, y3
        # A subpath that moves back to its start with M instead of Z: the next M closes it.
    if huidig:
        uit.append(huidig)
    return uit


def dekking(omtrekken: list[list[tuple[float, float]]], grootte: int) -> list[list[float]]:
    """Per pixel the covered share (0–1) of the outlines, filled by the non-zero rule, already in pixels."""
    randen = []
    for omtrek in omtrekken:
        for (xa, ya), (xb, yb) in zip(omtrek, omtrek[1:] + omtrek[:1]):
            if ya != yb:
                randen.append((xa, ya, xb, yb, 1 if yb > ya else -1))
    raster = [[0.0] * grootte for _ in range(grootte)]
    monsters = OVERSAMPLING * OVERSAMPLING
    for rij in range(grootte * OVERSAMPLING):
        yy = (rij + 0.5) / OVERSAMPLING
        kruisingen = sorted(
            (xa + (yy - ya) * (xb - xa) / (yb - ya), richting)
            for xa, ya, xb, yb, richting in randen
            if min(ya, yb) <= yy < max(ya, yb)
        )
        winding = 0
        for (x_links, richting), (x_rechts, _) in zip(kruisingen, kruisingen[1:]):
            winding += richting
            if winding == 0:
                continue
            for kolom in range(
                max(0, round(x_links * OVERSAMPLING)), min(grootte * OVERSAMPLING, round(x_rechts * OVERSAMPLING))
            ):
                raster[rij // OVERSAMPLING][kolom // OVERSAMPLING] += 1 / monsters
    return raster


def png(raster: list[list[float]], voorgrond: tuple[int, int, int], achtergrond: tuple[int, int, int]) -> bytes:
    regels = b"".join(
        b"\x00" + bytes(round(a + (v - a) * min(1.0, d)) for d in rij for a, v in zip(achtergrond, voorgrond))
        for rij in raster
    )
    grootte = len(raster)

    def blok(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + blok(b"IHDR", struct.pack(">IIBBBBB", grootte, grootte, 8, 2, 0, 0, 0))
        + blok(b"IDAT", zlib.compress(regels, 9))
        + blok(b"IEND", b"")
    )


def pictogram(svg: Path, grootte: int, logo_deel: float) -> bytes:
    """A square icon: the logo, ``logo_deel`` of the width, centred on the theme colour."""
    tekst = svg.read_text(encoding="utf-8")
    breedte = float(re.search(r'viewBox="[\d.\s-]*?\s([\d.]+)\s+[\d.]+"', tekst).group(1))
    d = re.search(r'<path[^>]*\sd="([^"]+)"', tekst).group(1)
    schaal = grootte * logo_deel / breedte
    rand = grootte * (1 - logo_deel) / 2
    omtrekken = [[(rand + x * schaal, rand + y * schaal) for x, y in omtrek] for omtrek in paden(d)]
    return png(dekking(omtrekken, grootte), WIT, KLEUR)
