"""Text widths for laying out SVG text at build time (no browser at build time).

Widths per character in thousandths of an em, from the Helvetica metrics (Arial and Liberation
Sans have the same widths). The infographic asks for those fonts first; on systems that only
have a wider sans (such as DejaVu Sans) the factor RUIMTE keeps text inside its box.
"""

from __future__ import annotations

import unicodedata

_TEKENS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
# Glyph widths in the order of _TEKENS, kept as the table they are.
# fmt: off
_NORMAAL = (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *([556] * 10), 278, 278,
            584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
            778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
            278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
            334, 260, 334, 584)
_VET = (278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, *([556] * 10), 333, 333,
        584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778,
        722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
        611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389,
        584)
# fmt: on
NORMAAL = dict(zip(_TEKENS, _NORMAAL))
VET = dict(zip(_TEKENS, _VET))
EXTRA = {"‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000, "·": 278, "→": 1000, "≤": 584}
RUIMTE = {False: 1.14, True: 1.2}  # DejaVu Sans (regular, bold) runs this much wider than Helvetica


def breedte(tekst: str, grootte: float, vet: bool = False) -> float:
    tabel = VET if vet else NORMAAL
    totaal = 0
    for teken in tekst:
        if teken in tabel:
            totaal += tabel[teken]
        elif teken in EXTRA:
            totaal += EXTRA[teken]
        else:
            basis = unicodedata.normalize("NFKD", teken)[:1]
            totaal += tabel.get(basis, 600)
    return totaal / 1000 * grootte * RUIMTE[vet]


ZACHT = "\u00ad"  # soft hyphen: where a long compound may be broken ('Veiligheids\u00adbeoordeling')


def afbreken(tekst: str, max_breedte: float, grootte: float, vet: bool = False) -> list[str]:
    """Greedy line breaking; a word too long for a line breaks at a soft hyphen (shown as '-')."""
    woorden = []
    for woord in tekst.split():
        delen = woord.split(ZACHT)
        if len(delen) > 1 and breedte(woord.replace(ZACHT, ""), grootte, vet) > max_breedte:
            woorden += [d + "-" for d in delen[:-1]] + [delen[-1]]
        else:
            woorden.append(woord.replace(ZACHT, ""))
    regels, huidig = [], ""
    for woord in woorden:
        kandidaat = f"{huidig}{woord}" if huidig.endswith("-") else f"{huidig} {woord}".strip()
        if huidig and breedte(kandidaat, grootte, vet) > max_breedte:
            regels.append(huidig)
            huidig = woord
        else:
            huidig = kandidaat
    if huidig:
        regels.append(huidig)
    return regels
