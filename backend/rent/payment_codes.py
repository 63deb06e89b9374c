"""Finnish payment codes: the national reference number, the RF creditor reference
(ISO 11649) and the virtual bank barcode ("virtuaaliviivakoodi", versions 4 and 5).

Both reference forms are made from one base number: the national reference is the base with
its 7-3-1 check digit; the RF reference carries the whole national reference after
``RF`` and two ISO 7064 (MOD 97-10) check digits, as Finnish banks expect, so a payment
with either form is matched to the same invoice.

The barcode layout follows Finanssiala's "Pankkiviivakoodi-opas" (bank bar code guide):

    version 4: 4 | IBAN digits (16) | euros (6) | cents (2) | 000 | reference (20) | YYMMDD
    version 5: 5 | IBAN digits (16) | euros (6) | cents (2) | RF check (2)
               | reference after "RF"+check (21) | YYMMDD

54 digits each; the due date is 000000 when there is none.
"""

from __future__ import annotations

from datetime import date

from stdnum import iban as iban_number
from stdnum import iso11649
from stdnum.exceptions import ValidationError
from stdnum.iso7064 import mod_97_10

_WEIGHTS = (7, 3, 1)


class PaymentCodeError(ValueError):
    """A reference, account or amount that a Finnish payment code cannot carry."""


MAX_BARCODE_CENTS = 99_999_999  # 999 999,99 €: the six euro digits of the barcode


def national_check_digit(base: str) -> str:
    """The check digit of a Finnish reference: weights 7, 3, 1 from the right."""
    total = sum(int(digit) * _WEIGHTS[i % 3] for i, digit in enumerate(reversed(base)))
    return str((10 - total % 10) % 10)


def national_reference(base: str) -> str:
    """The national reference number (digits only) from a base of 3–19 digits."""
    if not (base.isdigit() and 3 <= len(base) <= 19):
        raise PaymentCodeError("the base of a reference number has 3–19 digits")
    return base + national_check_digit(base)


def is_valid_national_reference(reference: str) -> bool:
    digits = compact(reference)
    if not (digits.isdigit() and 4 <= len(digits) <= 20):
        return False
    return national_check_digit(digits[:-1]) == digits[-1]


def rf_reference(national: str) -> str:
    """The RF creditor reference (compact, e.g. ``RF09868516259619897``) of a national one."""
    digits = compact(national)
    if not is_valid_national_reference(digits):
        raise PaymentCodeError("not a valid Finnish reference number")
    check = mod_97_10.calc_check_digits(digits + "RF")
    return f"RF{check}{digits}"


def national_of_rf(rf: str) -> str:
    """The national reference inside an RF reference made by ``rf_reference``."""
    digits = _valid_rf(rf)[4:]
    if not is_valid_national_reference(digits):
        raise PaymentCodeError("the RF reference does not carry a Finnish reference number")
    return digits


def _valid_rf(reference: str) -> str:
    try:
        return str(iso11649.validate(reference))
    except ValidationError:
        raise PaymentCodeError("not a valid RF creditor reference") from None


def compact(reference: str) -> str:
    return "".join(reference.split()).upper()


def format_national(reference: str) -> str:
    """Groups of five digits from the right, as printed on Finnish invoices."""
    digits = compact(reference)
    head = len(digits) % 5
    groups = ([digits[:head]] if head else []) + [
        digits[i : i + 5] for i in range(head, len(digits), 5)
    ]
    return " ".join(groups)


def format_rf(reference: str) -> str:
    """Groups of four characters from the left (``RF09 8685 1625 9619 897``)."""
    return str(iso11649.format(compact(reference)))


def virtual_barcode(*, iban: str, amount_cents: int, reference: str, due_date: date | None) -> str:
    """The 54-digit virtual bank barcode: version 5 for an RF reference, 4 otherwise."""
    try:
        account = iban_number.validate(iban)
    except ValidationError:
        raise PaymentCodeError("not a valid IBAN") from None
    if not account.startswith("FI"):
        raise PaymentCodeError("the bank barcode is for Finnish accounts (FI…)")
    if not 0 <= amount_cents <= MAX_BARCODE_CENTS:
        raise PaymentCodeError("the amount does not fit the barcode")
    euros, cents = divmod(amount_cents, 100)
    due = due_date.strftime("%y%m%d") if due_date else "000000"
    head = f"{account[2:]}{euros:06d}{cents:02d}"
    value = compact(reference)
    if value.startswith("RF"):
        value = _valid_rf(value)
        body = value[4:]
        if not body.isdigit() or len(body) > 21:
            raise PaymentCodeError("the barcode takes numeric RF references of up to 21 digits")
        return f"5{head}{value[2:4]}{body.zfill(21)}{due}"
    if not is_valid_national_reference(value):
        raise PaymentCodeError("not a valid Finnish reference number")
    return f"4{head}000{value.zfill(20)}{due}"
