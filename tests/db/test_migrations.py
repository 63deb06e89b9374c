"""Migrations and tables agree, and migrating again never loses rows."""

import pytest
from piccolo.apps.migrations.commands.new import AutoMigrationManager
from piccolo.conf.apps import Finder

from backend.core.db import APP_NAMES
from backend.core.migrate import migrate
from backend.occupancy.tables import Occupant
from tests.factories import make_occupant


@pytest.mark.parametrize("app_name", APP_NAMES)
async def test_tables_and_migrations_agree(app_name: str) -> None:
    app_config = Finder().get_app_config(app_name)
    statements = await AutoMigrationManager().get_alter_statements(app_config=app_config)
    pending = [statement for group in statements for statement in group.statements]
    assert pending == [], (
        f"Tables of '{app_name}' differ from its migrations; run "
        f"`uv run piccolo migrations new {app_name} --auto`:\n" + "\n".join(pending)
    )


async def test_migrating_an_existing_database_keeps_its_rows(db: None) -> None:
    occupant = await make_occupant(first_name="Aino")
    await migrate(quiet=True)
    await migrate(quiet=True)
    rows = await Occupant.select(Occupant.first_name).where(Occupant.id == occupant.id)
    assert rows == [{"first_name": "Aino"}]
