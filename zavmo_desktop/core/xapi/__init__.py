"""xAPI learning records: statements, their queue in SQLite and sending them to an LRS."""
