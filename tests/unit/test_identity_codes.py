from datetime import date

import pytest

from backend.core.errors import InvalidInputError
from backend.core.identity_codes import (
    birth_date_of,
    identity_code_hmac,
    normalize_identity_code,
)
from backend.demo.identity_codes import test_identity_code


def test_a_valid_code_is_normalized_and_its_birth_date_read() -> None:
    code = normalize_identity_code(" 131052-308t ", allow_test_codes=False)
    assert code == "131052-308T"
    assert birth_date_of(code) == date(1952, 10, 13)


@pytest.mark.parametrize("born", [date(1994, 5, 1), date(2004, 3, 2), date(1899, 12, 31)])
def test_test_codes_carry_their_birth_date(born: date) -> None:
    code = test_identity_code(born, 917)
    assert birth_date_of(normalize_identity_code(code, allow_test_codes=True)) == born


def test_new_century_signs_are_understood() -> None:
    # Since 2023, Y and B are valid century signs (1900s and 2000s) beside - and A.
    assert birth_date_of("010594Y903P") == date(1994, 5, 1)
    assert birth_date_of("020304B9012") == date(2004, 3, 2)


@pytest.mark.parametrize(
    "code",
    ["131052-308U", "311352-308T", "abc", "", "131052-000T", "290223A9018"],
)
def test_invalid_codes_are_refused(code: str) -> None:
    with pytest.raises(InvalidInputError):
        normalize_identity_code(code, allow_test_codes=True)


def test_test_codes_are_refused_unless_allowed() -> None:
    code = test_identity_code(date(1990, 1, 1), 900)
    with pytest.raises(InvalidInputError):
        normalize_identity_code(code, allow_test_codes=False)
    assert normalize_identity_code(code, allow_test_codes=True) == code


def test_the_hmac_is_keyed_and_does_not_contain_the_code() -> None:
    code = "131052-308T"
    first = identity_code_hmac(code, "key-one")
    assert first == identity_code_hmac(code, "key-one")
    assert first != identity_code_hmac(code, "key-two")
    assert len(first) == 64
    assert "131052" not in first
