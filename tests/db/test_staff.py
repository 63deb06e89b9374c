import pytest

from backend.core.errors import ConflictError, InvalidInputError
from backend.core.tables import AuditEvent
from backend.staff.services import create_staff_user
from backend.staff.tables import StaffRegion, StaffUser
from tests.factories import make_region


async def test_a_staff_user_gets_roles_scope_and_an_audit_entry(db: None) -> None:
    east = await make_region(code="east")
    await make_region(code="west")
    staff_id = await create_staff_user(
        email=" Kaisa.Virtanen@Example.fi ",
        name="Kaisa Virtanen",
        roles=["customer_service", "lease_control"],
        region_codes=["east"],
    )
    user = await StaffUser.objects().get(StaffUser.id == staff_id)
    assert user is not None
    assert user.email == "kaisa.virtanen@example.fi"
    assert sorted(user.roles) == ["customer_service", "lease_control"]
    scope = await StaffRegion.select(StaffRegion.region).where(StaffRegion.staff_user == staff_id)
    assert scope == [{"region": east.id}]
    events = await AuditEvent.select(AuditEvent.action).where(AuditEvent.entity_id == staff_id)
    assert events == [{"action": "staff.created"}]


@pytest.mark.parametrize(
    ("roles", "regions", "all_regions"),
    [([], ["east"], False), (["janitor"], ["east"], False), (["admin"], [], False)],
)
async def test_bad_roles_or_scope_are_refused(
    db: None, roles: list[str], regions: list[str], all_regions: bool
) -> None:
    await make_region(code="east")
    with pytest.raises(InvalidInputError):
        await create_staff_user(
            email="x@example.fi",
            name="X",
            roles=roles,
            region_codes=regions,
            all_regions=all_regions,
        )
    assert await StaffUser.count() == 0


async def test_unknown_region_and_duplicate_email_are_refused(db: None) -> None:
    await make_region(code="east")
    with pytest.raises(InvalidInputError):
        await create_staff_user(
            email="x@example.fi", name="X", roles=["editor"], region_codes=["nowhere"]
        )
    await create_staff_user(
        email="x@example.fi", name="X", roles=["admin"], region_codes=[], all_regions=True
    )
    with pytest.raises(ConflictError):
        await create_staff_user(
            email="X@example.fi", name="Y", roles=["admin"], region_codes=[], all_regions=True
        )
    assert await StaffUser.count() == 1
