"""Alembic environment: always run on the connection the app hands over (no alembic.ini)."""

from alembic import context

from readiness.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
