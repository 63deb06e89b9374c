"""Demo documents of the demo properties: house rules and rescue plans.

Finnish everywhere; Swedish for some (and English for one), so that the per-field fallback
shows in documents too. Loaded after the properties themselves (``backend.demo.loader``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from backend.core.db import DB
from backend.demo.content_places import HERTTONIEMI, JATKASAARI, KALLIO, KONTULA, VUOSAARI, loc
from backend.demo.loader import demo_id, upsert_rows
from backend.property.tables import PropertyDocument

_HOUSE_RULES_FI = (
    "1. Hiljaisuus on arkisin klo 22–7 ja viikonloppuisin klo 23–8. Muista naapurit myös "
    "muulloin: älä remontoi äänekkäästi iltaisin.\n"
    "2. Porraskäytävissä ei säilytetä tavaroita (paloturvallisuus). Lastenvaunut ja pyörät "
    "viedään niille varattuihin tiloihin.\n"
    "3. Tupakointi on kielletty porraskäytävissä, yhteistiloissa ja parvekkeilla.\n"
    "4. Lemmikit pidetään kytkettyinä piha-alueella, eivätkä ne saa häiritä muita asukkaita.\n"
    "5. Jätteet lajitellaan jätehuoneen ohjeiden mukaan. Suurikokoiset jätteet viedään "
    "Sortti-asemalle.\n"
    "6. Vioista ja vuodoista ilmoitetaan heti vikailmoituksella; kiireellisissä asioissa "
    "soitetaan huoltoyhtiön päivystysnumeroon."
)
_HOUSE_RULES_SV = (
    "1. Tystnad råder vardagar kl. 22–7 och veckoslut kl. 23–8. Tänk på grannarna även "
    "annars: renovera inte högljutt på kvällarna.\n"
    "2. I trapphusen förvaras inga föremål (brandsäkerhet). Barnvagnar och cyklar förs till "
    "de utrymmen som reserverats för dem.\n"
    "3. Rökning är förbjuden i trapphus, gemensamma utrymmen och på balkonger.\n"
    "4. Husdjur hålls kopplade på gården och får inte störa andra boende.\n"
    "5. Avfallet sorteras enligt anvisningarna i soprummet. Grovavfall förs till en "
    "Sortti-station.\n"
    "6. Fel och läckor anmäls genast med en felanmälan; i brådskande fall ring "
    "servicebolagets jourtelefon."
)
_HOUSE_RULES_EN = (
    "1. Quiet hours are 10 pm–7 am on weekdays and 11 pm–8 am at weekends. Think of your "
    "neighbours at other times too: no noisy renovation in the evenings.\n"
    "2. Nothing is stored in the stairwells (fire safety). Prams and bicycles go to the rooms "
    "reserved for them.\n"
    "3. Smoking is not allowed in stairwells, common areas or on balconies.\n"
    "4. Pets are kept on a leash in the yard and must not disturb other residents.\n"
    "5. Sort your waste as the waste room instructs. Bulky waste goes to a Sortti station.\n"
    "6. Report defects and leaks at once with a defect notification; in urgent cases call the "
    "24/7 maintenance line."
)
_RESCUE_PLAN_FI = (
    "Kokoontumispaikka on pihan leikkipaikan vieressä. Hätätilanteessa soita 112. "
    "Tulipalossa poistu porraskäytävän kautta, jos se on savuton; muuten pysy asunnossa, "
    "sulje ovet ja ilmoita sijaintisi hätäkeskukselle. Väestönsuoja on A-portaan kellarissa; "
    "sen avaimet ovat huoltoyhtiöllä. Palovaroitin testataan kerran kuukaudessa."
)
_RESCUE_PLAN_SV = (
    "Samlingsplatsen är vid gårdens lekplats. Ring 112 i en nödsituation. Vid brand, lämna "
    "huset genom trapphuset om det är rökfritt; annars stanna i bostaden, stäng dörrarna "
    "och meddela nödcentralen var du är. Skyddsrummet finns i källaren i trappa A; nycklarna "
    "har servicebolaget. Testa brandvarnaren en gång i månaden."
)

# Per property: (house rules in Swedish?, in English?, rescue plan in Swedish?)
_LANGUAGES = {
    KONTULA: (True, True, True),
    VUOSAARI: (True, False, False),
    HERTTONIEMI: (False, False, False),
    KALLIO: (True, False, True),
    JATKASAARI: (True, True, True),
}


def _rows(updated: datetime) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for key, (rules_sv, rules_en, plan_sv) in _LANGUAGES.items():
        property_id = demo_id("property", key)
        rows.append(
            {
                "id": demo_id("property-document", key, "house_rules"),
                "property": property_id,
                "kind": "house_rules",
                "title": loc("Järjestyssäännöt", "Ordningsregler", "House rules"),
                "body": loc(
                    _HOUSE_RULES_FI,
                    _HOUSE_RULES_SV if rules_sv else None,
                    _HOUSE_RULES_EN if rules_en else None,
                ),
                "blob_id": None,
                "file_name": None,
                "sort_order": 1,
                "created_at": updated,
                "updated_at": updated,
            }
        )
        rows.append(
            {
                "id": demo_id("property-document", key, "rescue_plan"),
                "property": property_id,
                "kind": "rescue_plan",
                "title": loc("Pelastussuunnitelma", "Räddningsplan", "Rescue plan"),
                "body": loc(_RESCUE_PLAN_FI, _RESCUE_PLAN_SV if plan_sv else None),
                "blob_id": None,
                "file_name": None,
                "sort_order": 2,
                "created_at": updated,
                "updated_at": updated,
            }
        )
    return rows


async def load_demo(today: date) -> dict[str, int]:
    rows = _rows(datetime.combine(today, time(6, 0), tzinfo=UTC))
    async with DB.transaction():
        await upsert_rows(PropertyDocument, rows)
    return {PropertyDocument._meta.tablename: len(rows)}
