"""Demo news: an urgent water outage in one property, a yard cleaning day in a region, a
company-wide notice, and a few more — some translations missing on purpose (fallback).

Times are relative to the day the set is loaded, so the outage is always current.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from backend.core.db import DB
from backend.demo.content_places import CENTRAL_WEST, EAST, KALLIO, KONTULA, loc
from backend.demo.loader import demo_id, upsert_rows
from backend.news.tables import News

EDITOR = "viestinta@example.fi"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def _news(
    key: str,
    *,
    title: dict[str, str],
    body: dict[str, str],
    audience: str,
    publish_at: datetime | None,
    expires_at: datetime | None = None,
    region: str | None = None,
    property_key: str | None = None,
    pinned: bool = False,
    urgent: bool = False,
) -> dict[str, Any]:
    created = (publish_at or datetime.now(UTC)) - timedelta(hours=2)
    return {
        "id": demo_id("news", key),
        "title": title,
        "body": body,
        "audience": audience,
        "region": demo_id("region", region) if region else None,
        "property": demo_id("property", property_key) if property_key else None,
        "publish_at": publish_at,
        "expires_at": expires_at,
        "pinned": pinned,
        "urgent": urgent,
        "created_by": demo_id("staff", EDITOR),
        "created_at": created,
        "updated_at": created,
    }


def _rows(today: date) -> list[dict[str, Any]]:
    d = timedelta
    outage_day = today + d(days=2)
    return [
        _news(
            "water-outage-kontula",
            title=loc(
                "Vesikatko B-portaassa",
                "Vattenavbrott i trappa B",
                "Water outage in staircase B",
            ),
            body=loc(
                f"B-portaan vesi katkaistaan {outage_day:%d.%m.} klo 9–13 venttiilien vaihdon "
                "vuoksi. Laske vettä astioihin etukäteen ja pidä hanat kiinni katkon aikana. "
                "Kysymykset: huoltoyhtiö, puh. +358 9 000 0201.",
                f"Vattnet i trappa B stängs av {outage_day:%d.%m.} kl. 9–13 på grund av byte "
                "av ventiler. Tappa upp vatten i förväg och håll kranarna stängda under "
                "avbrottet. Frågor: servicebolaget, tfn +358 9 000 0201.",
                f"The water in staircase B is shut off on {outage_day:%d %B} from 9 am to 1 pm "
                "while valves are replaced. Fill some containers beforehand and keep the taps "
                "closed during the outage. Questions: maintenance, tel. +358 9 000 0201.",
            ),
            audience="property",
            property_key=KONTULA,
            publish_at=_at(today - d(days=1), 7),
            expires_at=_at(outage_day + d(days=1), 0),
            urgent=True,
        ),
        _news(
            "yard-day-east",
            title=loc("Pihatalkoot lauantaina", "Gårdstalko på lördag"),
            body=loc(
                "Tervetuloa syksyn pihatalkoisiin lauantaina klo 10–13! Haravoidaan lehdet ja "
                "siivotaan pyörävarastot. Huoltoyhtiö tuo haravat ja jätesäkit, ja lopuksi "
                "tarjolla on kahvia ja pullaa.",
                "Välkommen till höstens gårdstalko på lördag kl. 10–13! Vi krattar löv och "
                "städar cykelförråden. Servicebolaget tar med krattor och sopsäckar, och till "
                "sist bjuds det på kaffe och bulla.",
            ),
            audience="region",
            region=EAST,
            publish_at=_at(today - d(days=3), 8),
            expires_at=_at(today + d(days=10), 0),
        ),
        _news(
            "portal-opened",
            title=loc(
                "Asukasportaali on avattu",
                "Invånarportalen har öppnats",
                "The Resident Portal is open",
            ),
            body=loc(
                "Voit nyt tehdä vikailmoitukset, lähettää viestejä asiakaspalveluun ja lukea "
                "talosi tiedotteet asukasportaalissa – myös puhelimella. Kiireellisissä "
                "vioissa soita aina huoltoyhtiön päivystysnumeroon.",
                "Nu kan du göra felanmälningar, skicka meddelanden till kundtjänst och läsa "
                "husets meddelanden i invånarportalen – även med telefonen. Vid brådskande fel "
                "ring alltid servicebolagets jourtelefon.",
                "You can now file defect notifications, message customer service and read "
                "your building's news in the Resident Portal – on your phone too. For urgent "
                "defects, always call the 24/7 maintenance line.",
            ),
            audience="everyone",
            publish_at=_at(today - d(days=14), 9),
            pinned=True,
        ),
        _news(
            "window-washing-kallio",
            title=loc("Ikkunanpesu ensi viikolla"),
            body=loc(
                "Ulkoikkunat pestään ensi viikon tiistaina ja keskiviikkona. Siirrä "
                "parvekkeelta kukat ja tavarat pois ikkunoiden edestä."
            ),
            audience="property",
            property_key=KALLIO,
            publish_at=_at(today - d(days=2), 10),
            expires_at=_at(today + d(days=9), 0),
        ),
        _news(
            "bike-storage-central",
            title=loc("Pyörävarastojen siivous", "Städning av cykelförråd"),
            body=loc(
                "Merkitsemättömät pyörät viedään pois kuukauden kuluttua. Kiinnitä pyörääsi "
                "nimilappu, jonka saat huoltoyhtiöltä.",
                "Omärkta cyklar förs bort om en månad. Fäst en namnlapp på din cykel; du får "
                "en av servicebolaget.",
            ),
            audience="region",
            region=CENTRAL_WEST,
            publish_at=_at(today - d(days=5), 9),
            expires_at=_at(today + d(days=25), 0),
        ),
        _news(
            "heating-check-expired",
            title=loc("Patterien tarkastus", "Kontroll av element", "Radiator check"),
            body=loc(
                "Patterit tarkastettiin.", "Elementen har kontrollerats.", "Radiators checked."
            ),
            audience="region",
            region=EAST,
            publish_at=_at(today - d(days=40), 8),
            expires_at=_at(today - d(days=20), 0),
        ),
        _news(
            "holiday-hours-draft",
            title=loc("Asiakaspalvelun aukioloajat juhlapyhinä"),
            body=loc("Luonnos: aukioloajat päivitetään, kun ne on vahvistettu."),
            audience="everyone",
            publish_at=None,
        ),
    ]


async def load_demo(today: date) -> dict[str, int]:
    rows = _rows(today)
    async with DB.transaction():
        await upsert_rows(News, rows)
    return {News._meta.tablename: len(rows)}
