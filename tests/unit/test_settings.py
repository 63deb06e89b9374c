from pathlib import Path

import pytest

from backend.notifications.vapid import generate_private_key, public_key_of
from backend.settings import SettingsError, load_settings


def test_the_embedded_default_needs_no_setting(tmp_path: Path) -> None:
    settings = load_settings({"PORTAL_VAR_DIR": str(tmp_path)})
    assert settings.is_sqlite
    assert settings.sqlite_path == f"{tmp_path}/portal.sqlite3"
    assert settings.port == 8000
    assert len(settings.secret_key) >= 48
    assert (tmp_path / "secret_key").read_text() == settings.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_generated_secrets_survive_a_restart(tmp_path: Path) -> None:
    first = load_settings({"PORTAL_VAR_DIR": str(tmp_path)})
    second = load_settings({"PORTAL_VAR_DIR": str(tmp_path)})
    assert first.secret_key == second.secret_key
    assert first.identity_code_key == second.identity_code_key
    assert first.secret_key != first.identity_code_key


def test_values_are_read_and_typed_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "PORTAL_VAR_DIR": str(tmp_path),
            "PORTAL_PORT": "9001",
            "PORTAL_DATABASE_URL": "postgresql://portal:pw@db:5432/portal",
            "PORTAL_LOG_LEVEL": "DEBUG",
            "UNRELATED": "x",
        }
    )
    assert settings.port == 9001
    assert not settings.is_sqlite
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PORTAL_PORT": "eighty"}, "PORTAL_PORT"),
        ({"PORTAL_LOG_LEVEL": "LOUD"}, "PORTAL_LOG_LEVEL"),
        ({"PORTAL_DATABSE_URL": "sqlite:///x"}, "Unknown setting(s): PORTAL_DATABSE_URL"),
    ],
)
def test_a_bad_setting_is_named_in_the_error(
    tmp_path: Path, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings({"PORTAL_VAR_DIR": str(tmp_path), **environ})


def test_production_refuses_to_start_without_its_secrets(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY") as raised:
        load_settings({"PORTAL_VAR_DIR": str(tmp_path), "PORTAL_ENVIRONMENT": "production"})
    assert "PORTAL_IDENTITY_CODE_KEY" in str(raised.value)
    assert "PORTAL_VAPID_PRIVATE_KEY" in str(raised.value)
    assert not (tmp_path / "secret_key").exists()
    assert not (tmp_path / "vapid_private_key").exists()


def test_secrets_never_appear_in_the_printed_settings(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "PORTAL_VAR_DIR": str(tmp_path),
            "PORTAL_SECRET_KEY": "very-secret-value",
            "PORTAL_DATABASE_URL": "postgresql://portal:hunter2@db/portal",
        }
    )
    shown = f"{settings!r} {settings}"
    assert "very-secret-value" not in shown
    assert "hunter2" not in shown
    assert "port=8000" in shown


def test_production_refuses_the_demo_bank(tmp_path: Path) -> None:
    environ = {
        "PORTAL_VAR_DIR": str(tmp_path),
        "PORTAL_ENVIRONMENT": "production",
        "PORTAL_SECRET_KEY": "s" * 40,
        "PORTAL_IDENTITY_CODE_KEY": "i" * 40,
        "PORTAL_DATABASE_URL": "postgresql://db/portal",
        "PORTAL_VAPID_PRIVATE_KEY": generate_private_key(),
    }
    with pytest.raises(SettingsError, match="demo bank"):
        load_settings(environ)
    settings = load_settings(
        {
            **environ,
            "PORTAL_STRONG_AUTH": "oidc",
            "PORTAL_OIDC_ISSUER": "https://broker.example.fi",
            "PORTAL_OIDC_CLIENT_SECRET": "client-secret",
        }
    )
    assert settings.effective_oidc_issuer == "https://broker.example.fi"


def test_a_real_broker_needs_its_settings(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="PORTAL_OIDC_ISSUER"):
        load_settings({"PORTAL_VAR_DIR": str(tmp_path), "PORTAL_STRONG_AUTH": "oidc"})


def test_relying_party_values_follow_the_public_url(tmp_path: Path) -> None:
    settings = load_settings(
        {"PORTAL_VAR_DIR": str(tmp_path), "PORTAL_PUBLIC_URL": "https://asukas.example.fi"}
    )
    assert settings.rp_id == "asukas.example.fi"
    assert settings.is_https
    assert settings.oidc_redirect_uri == "https://asukas.example.fi/auth/oidc/callback"
    assert settings.effective_oidc_issuer == "https://asukas.example.fi/oidc/demo"
    assert settings.effective_oidc_client_secret not in repr(settings)


def test_a_vapid_key_is_generated_once_outside_production(tmp_path: Path) -> None:
    first = load_settings({"PORTAL_VAR_DIR": str(tmp_path)})
    second = load_settings({"PORTAL_VAR_DIR": str(tmp_path)})
    assert first.vapid_private_key == second.vapid_private_key
    assert (tmp_path / "vapid_private_key").stat().st_mode & 0o077 == 0
    assert len(public_key_of(first.vapid_private_key)) == 87  # 65 bytes, base64url
    assert first.vapid_private_key not in repr(first)


@pytest.mark.parametrize("value", ["not-a-key", "AAAA", "A" * 43, "_" * 43])
def test_a_malformed_vapid_key_is_named(tmp_path: Path, value: str) -> None:
    with pytest.raises(SettingsError, match="PORTAL_VAPID_PRIVATE_KEY"):
        load_settings({"PORTAL_VAR_DIR": str(tmp_path), "PORTAL_VAPID_PRIVATE_KEY": value})
