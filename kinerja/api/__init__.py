"""REST API (issue 18, first slice): read endpoints scoped like the pages, the employee's
daily log and realisation for a phone client, per-user API tokens. See docs/api.md."""
