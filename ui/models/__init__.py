"""Qt item models adapting the core's plain data (cases, exhibits, checklist items)."""
