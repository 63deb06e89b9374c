"""The demo bank's HTML: the authorize page and the error page, rendered on the server.

No inline script or style anywhere (the CSP allows neither): the look comes from
``style.css``, served by the controller next to the page; every form posts to the page itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from backend.core.i18n import Language, translate

EXAMPLE_CODE = "010190-900P"


@dataclass(frozen=True)
class PagePerson:
    first_name: str
    last_name: str
    identity_code: str
    note: str


def _t(key: str, language: Language, **params: str) -> str:
    return escape(translate(f"demo-bank.{key}", language, **params))


def _document(language: Language, body: str) -> str:
    return (
        "<!doctype html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_t('title', language)}</title>\n"
        '<link rel="stylesheet" href="style.css">\n</head>\n'
        f'<body>\n<header class="banner">\n<p class="demo-flag">{_t("demo-flag", language)}</p>\n'
        f"<h1>{_t('title', language)}</h1>\n</header>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _hidden(fields: Mapping[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
    )


def authorize_page(
    language: Language,
    fields: Mapping[str, str],
    people: Sequence[PagePerson],
    *,
    error_key: str | None = None,
    typed_code: str = "",
) -> str:
    """``fields``: the authorization request and the form token, carried as hidden inputs."""
    hidden = _hidden(fields)
    parts = [f'<p class="notice">{_t("notice", language)}</p>\n']
    if error_key:
        parts.append(
            f'<div class="error" role="alert" id="form-error">{_t(error_key, language)}</div>\n'
        )
    note_lang = "" if language == "en" else ' lang="en"'
    parts.append(
        '<section aria-labelledby="people-heading">\n'
        f'<h2 id="people-heading">{_t("people-heading", language)}</h2>\n'
        f'<p>{_t("people-intro", language)}</p>\n<ul class="people">\n'
    )
    for index, person in enumerate(people):
        name = escape(f"{person.first_name} {person.last_name}")
        code = escape(person.identity_code)
        testid = escape(f"demo-person-{person.first_name.lower()}")
        parts.append(
            f'<li><form method="post" action="authorize">{hidden}'
            f'<button type="submit" name="identity_code" value="{code}" '
            f'data-testid="{testid}" aria-describedby="person-note-{index}">'
            f'<span class="name">{name}</span> <span class="code">{code}</span></button>'
            f'<p class="note" id="person-note-{index}"{note_lang}>{escape(person.note)}</p>'
            "</form></li>\n"
        )
    described_by = "identity-code-hint form-error" if error_key else "identity-code-hint"
    invalid = ' aria-invalid="true"' if error_key == "invalid-code" else ""
    parts.append(
        "</ul>\n</section>\n"
        '<section aria-labelledby="code-heading">\n'
        f'<h2 id="code-heading">{_t("code-heading", language)}</h2>\n'
        f'<form method="post" action="authorize" class="code-form">{hidden}'
        f'<label for="identity-code">{_t("code-label", language)}</label>'
        f'<input type="text" id="identity-code" name="identity_code" required maxlength="20" '
        f'autocomplete="off" spellcheck="false" autocapitalize="characters" '
        f'value="{escape(typed_code)}" aria-describedby="{described_by}"{invalid} '
        'data-testid="demo-identity-code">'
        f'<p class="hint" id="identity-code-hint">'
        f"{_t('code-hint', language, example=EXAMPLE_CODE)}</p>"
        f'<button type="submit" data-testid="demo-submit-code">{_t("submit", language)}</button>'
        "</form>\n</section>\n"
        f'<form method="post" action="authorize" class="cancel-form">{hidden}'
        '<button type="submit" name="action" value="cancel" class="secondary" '
        f'data-testid="demo-cancel">{_t("cancel", language)}</button></form>\n'
    )
    return _document(language, "".join(parts))


def error_page(language: Language) -> str:
    """An authorization request from an unknown client or to an unknown redirect URI."""
    body = (
        f'<div class="error" role="alert"><h2>{_t("error-title", language)}</h2>'
        f"<p>{_t('error-detail', language)}</p></div>\n"
    )
    return _document(language, body)
