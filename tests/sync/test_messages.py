"""The sync catalogs (sync/messages) are part of the merged catalog: every key in fi, sv
and en (tests/unit/test_i18n.py checks them all), read with the core ``translate``."""

from backend.core.i18n import LANGUAGES, catalog, catalog_files, translate


def test_the_sync_catalogs_are_merged_in_every_language() -> None:
    for language in LANGUAGES:
        assert any(path.parts[-3] == "sync" for path in catalog_files(language))
        assert catalog(language)["problem.sync-schema-version.title"].strip()


def test_sync_messages_and_core_messages_come_from_one_translate() -> None:
    assert translate("problem.sync-schema-version.title", "sv") == "Uppdatera appen"
    assert translate("problem.not-found.title", "en") != "problem.not-found.title"
