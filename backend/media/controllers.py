"""HTTP controllers of the media feature: none. Each feature serves its own attachments
through its own access gate (e.g. a ticket's photos through ``ticket_for_resident``)."""

from litestar import Controller

CONTROLLERS: list[type[Controller]] = []
