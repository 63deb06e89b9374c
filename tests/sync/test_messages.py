"""The sync catalogs (sync/messages) have the same keys in fi, sv and en, none empty."""

from backend.core.i18n import LANGUAGES
from sync.i18n import sync_catalog, sync_translate


def test_every_sync_message_exists_in_every_language() -> None:
    keys = {language: set(sync_catalog(language)) for language in LANGUAGES}
    assert keys["fi"] == keys["sv"] == keys["en"]
    for language in LANGUAGES:
        assert all(text.strip() for text in sync_catalog(language).values())


def test_sync_translate_falls_back_to_the_core_catalogs() -> None:
    assert sync_translate("problem.sync-schema-version.title", "sv") == "Uppdatera appen"
    assert sync_translate("problem.not-found.title", "en") != "problem.not-found.title"
