"""Finnish personal identity codes: validated, then kept only as a keyed HMAC.

The plain code is never stored or logged; the HMAC lets the register of occupants and
resident accounts find the same person again.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from stdnum.exceptions import ValidationError
from stdnum.fi import hetu

from backend.core.errors import InvalidInputError

_CENTURIES = {"+": 1800, "-": 1900, "A": 2000}
_CENTURIES.update(dict.fromkeys("YXWVU", 1900))
_CENTURIES.update(dict.fromkeys("BCDEF", 2000))


def normalize_identity_code(code: str, *, allow_test_codes: bool) -> str:
    """The compact, upper-case code, after checking its birth date and check character.

    Codes with an individual number of 900–999 are test codes: accepted only where
    ``allow_test_codes`` (the demo identity provider and tests), never in production.
    """
    try:
        return str(hetu.validate(code.strip(), allow_temporary=allow_test_codes)).upper()
    except ValidationError:
        raise InvalidInputError("problem.identity-code.detail") from None


def birth_date_of(normalized_code: str) -> date:
    day, month, year = (int(normalized_code[i : i + 2]) for i in (0, 2, 4))
    return date(_CENTURIES[normalized_code[6]] + year, month, day)


def identity_code_hmac(normalized_code: str, key: str) -> str:
    return hmac.new(key.encode(), normalized_code.encode(), hashlib.sha256).hexdigest()
