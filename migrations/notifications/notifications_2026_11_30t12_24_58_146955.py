from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-30T12:24:58:146955"
VERSION = "1.38.0"
DESCRIPTION = ""


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="notifications", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="Notification",
        tablename="notification",
        column_name="urgent",
        db_column_name="urgent",
        schema=None,
    )

    return manager
