"""Layer 5, the computation: from a case to dated moments and periods of responsibility."""
