"""Layer 3, the law: the rule files read and checked, the regions they define, and the one answer
to "which rules apply here, on this date" (``recht.op_datum``)."""
