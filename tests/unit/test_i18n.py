import pytest

from backend.core.i18n import (
    LANGUAGES,
    catalog,
    catalog_files,
    localized_text,
    negotiate_language,
    translate,
)


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "fi"),
        ("", "fi"),
        ("sv-FI,sv;q=0.9,en;q=0.8", "sv"),
        ("en-GB", "en"),
        ("de-DE,de;q=0.9", "fi"),
        ("de,en;q=0.5,sv;q=0.7", "sv"),
        ("en;q=0, sv", "sv"),
        ("fi;q=bogus, en", "en"),
    ],
)
def test_accept_language_picks_the_best_supported_language(
    header: str | None, language: str
) -> None:
    assert negotiate_language(header) == language


def test_every_feature_catalog_exists_in_every_language() -> None:
    folders = {language: {p.parent for p in catalog_files(language)} for language in LANGUAGES}
    assert folders["fi"], "no catalogs found"
    assert folders["fi"] == folders["sv"] == folders["en"]


def test_every_backend_message_exists_in_every_language() -> None:
    keys = {language: set(catalog(language)) for language in LANGUAGES}
    for language in LANGUAGES:
        missing = keys["fi"] - keys[language]
        extra = keys[language] - keys["fi"]
        assert not missing, f"{language} is missing {sorted(missing)}"
        assert not extra, f"{language} has keys Finnish lacks: {sorted(extra)}"
        assert all(text.strip() for text in catalog(language).values())


def test_translate_fills_in_parameters() -> None:
    text = translate("problem.internal.detail", "en", request_id="abc123")
    assert "abc123" in text


def test_localized_text_falls_back_to_finnish_and_says_so() -> None:
    value = {"fi": "Sauna on lauantaisin", "sv": "Bastun är på lördagar"}
    assert localized_text(value, "sv") == ("Bastun är på lördagar", False)
    assert localized_text(value, "en") == ("Sauna on lauantaisin", True)
    assert localized_text(value, "fi") == ("Sauna on lauantaisin", False)
    assert localized_text({"fi": "x", "en": ""}, "en") == ("x", True)
