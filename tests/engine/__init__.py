"""Tests van de rekenhulp (calculators/)."""
