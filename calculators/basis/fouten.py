"""Foutsoorten van de rekenhulp.

Eén gedocumenteerde uitzondering voor alle gebruikersfouten: ``AfsprakenFout``.
De melding is Nederlands en noemt de waarde die niet klopt; ``veld`` noemt het
invoerveld waar het om gaat, zodat een formulier (browser) of de CLI de fout bij
het juiste veld kan tonen.
"""

from __future__ import annotations


class AfsprakenFout(ValueError):
    """Invoer of regeldata waarmee niet gerekend kan worden.

    ``veld`` is de naam van het invoerveld ('regio', 'route', 'melding',
    'overdracht', 'dienst_einde', 'vbs', 'kalender', ...) of ``None`` als de fout
    niet bij één veld hoort.
    """

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.veld = veld

    def __str__(self) -> str:
        return self.melding


class RegelbestandFout(AfsprakenFout):
    """Een regelbestand (TOML) is onleesbaar of onvolledig.

    De melding begint met de bestandsnaam en noemt het veld, omdat
    beleidsmedewerkers (geen programmeurs) deze bestanden bijhouden.
    """

    def __init__(self, melding: str, bestand: str | None = None) -> None:
        super().__init__(melding, veld=None)
        self.bestand = bestand
