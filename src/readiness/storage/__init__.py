"""SQLite (or any SQLAlchemy URL) storage: models, migrations and repositories."""
