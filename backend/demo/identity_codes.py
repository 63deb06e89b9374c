"""Finnish personal identity codes (henkilötunnus) for demo and test people.

A code is ``DDMMYY`` + century sign + a three-digit individual number + a check character.
Only the individual numbers 900–999 are used here: that range is reserved for temporary and
test codes, so a demo code can never belong to a real person. The parity of the individual
number carries the sex (odd for men, even for women); callers pick it.
"""

from datetime import date

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
TEST_RANGE = range(900, 1000)

# The classic century signs; the additional signs introduced in 2023 (Y, X, W, V, U for the
# 1900s and B–F for the 2000s) are valid too, but a demo never needs them.
_CENTURY_SIGNS = {18: "+", 19: "-", 20: "A"}


def test_identity_code(birth_date: date, individual: int) -> str:
    """Return the identity code for ``birth_date`` with individual number 900–999.

    Raises ``ValueError`` for an individual number outside the test range or a birth year
    outside 1800–2099.
    """
    if individual not in TEST_RANGE:
        raise ValueError(f"individual number {individual} is not in the test range 900–999")
    century = birth_date.year // 100
    sign = _CENTURY_SIGNS.get(century)
    if sign is None:
        raise ValueError(f"birth year {birth_date.year} is outside 1800–2099")
    ddmmyy = f"{birth_date.day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}"
    digits = f"{individual:03d}"
    check = CHECK_CHARACTERS[int(ddmmyy + digits) % 31]
    return f"{ddmmyy}{sign}{digits}{check}"


# Not a pytest test, despite the name.
test_identity_code.__test__ = False  # type: ignore[attr-defined]
