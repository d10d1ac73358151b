"""How plain values are written for Dutch readers: dates, paragraph references, a capital letter.

The one place where a date becomes Dutch text, so every output (CLI, JSON, calendar file, pages)
writes the same date the same way. No sentences here: those are in ``woorden``.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAGEN: tuple[str, ...] = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAGEN_KORT: tuple[str, ...] = ("ma", "di", "wo", "do", "vr", "za", "zo")
MAANDEN: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MAANDEN_KORT: tuple[str, ...] = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def datum_kort(datum: dt.date) -> str:
    """'1 mei 2025' (in messages, where the weekday adds nothing)."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def datum_tekst(datum: dt.date) -> str:
    """'donderdag 1 mei 2025'."""
    return f"{WEEKDAGEN[datum.weekday()]} {datum_kort(datum)}"


def datum_middel(datum: dt.date) -> str:
    """'do 1 mei 2025' (a schedule, a headline)."""
    return f"{WEEKDAGEN_KORT[datum.weekday()]} {datum_kort(datum)}"


def datum_label(datum: dt.date) -> str:
    """'do 1 mei' (a label in a figure, next to its year on the scale)."""
    return f"{WEEKDAGEN_KORT[datum.weekday()]} {datum.day} {MAANDEN_KORT[datum.month - 1]}"


def weekdag(datum: dt.date) -> str:
    return WEEKDAGEN[datum.weekday()]


def hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def kleine_letter(tekst: str) -> str:
    """The first letter in lower case, for a name inside a sentence; never lowers a proper name further on."""
    return tekst[:1].lower() + tekst[1:]


def meervoud(aantal: int, enkel: str, meer: str) -> str:
    """'1 werkdag', '2 werkdagen'."""
    return f"{aantal} {enkel if aantal == 1 else meer}"


_ONDER = re.compile(r"^(\d+(?:\.\d+)*) (?:\(([a-z0-9])\)|([a-z]))$")


def paragraaf_label(paragraaf: str, kort: bool = False) -> str:
    """A paragraph as a reader writes it: '§ 4.1', '§ 2, onder j', 'Bijlage 1', 'Voorstel 1'.

    ``kort`` drops the title in brackets ('§ 4.1 (Terugkoppelingsformulier)' -> '§ 4.1') and a
    question heading before the letter, for narrow table cells."""
    p = paragraaf.strip()
    if kort:
        p = p.split("? ", 1)[-1]
    onder = _ONDER.match(p)
    if onder:
        return f"§ {onder.group(1)}, onder {onder.group(2) or onder.group(3)}"
    if kort and p[:1].isdigit():
        p = p.split(" (", 1)[0]
    return f"§ {p}" if p[:1].isdigit() else p
