"""Piccolo app config: the accounts tables and their migrations in migrations/accounts/."""

from piccolo.conf.apps import AppConfig

from backend.accounts.tables import Credential, OfficeRegistrationCode, ResidentAccount
from backend.core.db import MIGRATIONS_ROOT

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=str(MIGRATIONS_ROOT / "accounts"),
    table_classes=[ResidentAccount, Credential, OfficeRegistrationCode],
    migration_dependencies=["backend.occupancy.piccolo_app", "backend.staff.piccolo_app"],
    commands=[],
)
