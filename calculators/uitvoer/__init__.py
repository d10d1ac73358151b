"""Layer 6, the outputs: JSON for the browser, text for the CLI, the calendar file, the figure, the rule
overview, practice cases."""
