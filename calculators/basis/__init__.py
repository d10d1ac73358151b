"""Layer 1, the base: the vocabulary (codes and their names), errors, reading what a user typed,
writing plain values (dates, paragraphs) in Dutch, and finding and parsing the rule files."""
