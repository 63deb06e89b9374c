"""Reference numbers and the virtual bank barcode, against the worked examples of
Finanssiala's bank bar code guide (Pankkiviivakoodi-opas)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.rent.payment_codes import (
    PaymentCodeError,
    format_national,
    format_rf,
    is_valid_national_reference,
    national_of_rf,
    national_reference,
    rf_reference,
    virtual_barcode,
)

# (IBAN, cents, national reference, RF reference, due date, v4 barcode, v5 barcode)
GUIDE = [
    (
        "FI79 4405 2020 0360 82",
        488315,
        "86851 62596 19897",
        "RF09 8685 1625 9619 897",
        date(2010, 6, 12),
        "479440520200360820048831500000000868516259619897100612",
        "579440520200360820048831509000000868516259619897100612",
    ),
    (
        "FI02 5000 4640 0013 02",
        69380,
        "69 87567 20834 35364",
        None,
        date(2011, 7, 24),
        "402500046400013020006938000000069875672083435364110724",
        None,
    ),
    (
        "FI15 6601 0001 5306 41",
        744454,
        "7 75847 47906 47489",
        "RF84 7758 4747 9064 7489",
        date(2019, 12, 19),
        "415660100015306410074445400000007758474790647489191219",
        "515660100015306410074445484000007758474790647489191219",
    ),
    (
        "FI16 8000 1400 0502 67",
        93585,
        "78 77767 96566 28687",
        "RF60 7877 7679 6566 2868 7",
        None,
        "416800014000502670009358500000078777679656628687000000",
        "516800014000502670009358560000078777679656628687000000",
    ),
    (
        "FI73 3131 3001 0000 58",
        0,
        "8 68624",
        "RF10 8686 24",
        date(2013, 8, 9),
        "473313130010000580000000000000000000000000868624130809",
        "573313130010000580000000010000000000000000868624130809",
    ),
    (
        "FI83 3301 0001 1007 75",
        15000020,
        "92125 37425 25398 97737",
        "RF71 9212 5374 2525 3989 7737",
        date(2016, 5, 25),
        "483330100011007751500002000092125374252539897737160525",
        "583330100011007751500002071092125374252539897737160525",
    ),
    (
        "FI39 3636 3002 0924 92",
        103,
        "5907 38390",
        "RF66 5907 3839 0",
        date(2023, 3, 11),
        "439363630020924920000010300000000000000590738390230311",
        "539363630020924920000010366000000000000590738390230311",
    ),
    (
        "FI92 3939 0001 0033 91",
        2,
        "13 57914",
        "RF95 1357 914",
        date(2099, 12, 24),
        "492393900010033910000000200000000000000001357914991224",
        "592393900010033910000000295000000000000001357914991224",
    ),
]


@pytest.mark.parametrize(("iban", "cents", "national", "rf", "due", "v4", "v5"), GUIDE)
def test_barcodes_match_the_guide(
    iban: str, cents: int, national: str, rf: str | None, due: date | None, v4: str, v5: str | None
) -> None:
    code = virtual_barcode(iban=iban, amount_cents=cents, reference=national, due_date=due)
    assert code == v4
    assert len(code) == 54
    if rf is not None:
        assert virtual_barcode(iban=iban, amount_cents=cents, reference=rf, due_date=due) == v5


@pytest.mark.parametrize(("iban", "cents", "national", "rf", "due", "v4", "v5"), GUIDE)
def test_both_reference_forms_come_from_one_base(
    iban: str, cents: int, national: str, rf: str | None, due: date | None, v4: str, v5: str | None
) -> None:
    digits = national.replace(" ", "")
    assert is_valid_national_reference(national)
    assert national_reference(digits[:-1]) == digits
    assert format_national(digits) == national
    if rf is not None:
        assert format_rf(rf_reference(digits)) == rf
        assert national_of_rf(rf) == digits


def test_the_guide_example_of_a_later_rf_invoice() -> None:
    """Invoice 2 of the guide has a different due date in its RF version."""
    code = virtual_barcode(
        iban="FI58 1017 1000 0001 22",
        amount_cents=48299,
        reference="RF06 5595 8224 3294 671",
        due_date=date(2010, 1, 31),
    )
    assert code == "558101710000001220004829906000000559582243294671100131"


@pytest.mark.parametrize(
    "reference", ["86851 62596 19898", "12", "1234567890123456789012", "ABCDE"]
)
def test_invalid_national_references_are_refused(reference: str) -> None:
    assert not is_valid_national_reference(reference)
    with pytest.raises(PaymentCodeError):
        virtual_barcode(
            iban="FI79 4405 2020 0360 82", amount_cents=100, reference=reference, due_date=None
        )


@pytest.mark.parametrize(
    ("iban", "cents", "reference"),
    [
        ("DE89 3704 0044 0532 0130 00", 100, "13 57914"),  # not a Finnish account
        ("FI79 4405 2020 0360 83", 100, "13 57914"),  # wrong IBAN check digits
        ("FI79 4405 2020 0360 82", 100_000_000, "13 57914"),  # over 999 999,99 €
        ("FI79 4405 2020 0360 82", -1, "13 57914"),
        ("FI79 4405 2020 0360 82", 100, "RF96 1357 914"),  # wrong RF check digits
    ],
)
def test_what_the_barcode_cannot_carry_is_refused(iban: str, cents: int, reference: str) -> None:
    with pytest.raises(PaymentCodeError):
        virtual_barcode(iban=iban, amount_cents=cents, reference=reference, due_date=None)


def test_a_base_must_be_3_to_19_digits() -> None:
    for base in ("12", "1" * 20, "12a4"):
        with pytest.raises(PaymentCodeError):
            national_reference(base)
