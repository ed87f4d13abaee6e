"""Pure data models of the plan and of submissions (no I/O)."""
