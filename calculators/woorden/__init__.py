"""Layer 4, the wording: every sentence the engine says to a reader (names, terms, notes), from records."""
