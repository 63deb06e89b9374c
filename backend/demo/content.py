"""The demo data set: pure data, no database code; ``backend.demo.loader`` turns it into rows.

Every date is relative to ``today`` so that the set, loaded on any date, still has each lease
state and age situation. The parts live in ``content_places`` (regions, offices, properties,
units, and which translations are deliberately missing) and ``content_people`` (people,
leases, staff).
"""

from datetime import date

from backend.demo.content_people import leases, people, staff
from backend.demo.content_places import properties, regions
from backend.demo.model import DemoDataSet


def demo_data(today: date) -> DemoDataSet:
    return DemoDataSet(
        regions=regions(),
        properties=properties(),
        people=people(today),
        leases=leases(today),
        staff=staff(),
    )
