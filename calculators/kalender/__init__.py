"""Layer 2, the calendar: working days by the Algemene termijnenwet, and adding terms to a date."""
