"""SQLite storage: the learner's database, backups, and the content index."""

DATABASE_NAME = "zavmo.sqlite3"
