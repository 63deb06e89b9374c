/** Test data for the ticket screens, as the staff API answers. */
import type { Categories, StaffTicket, StaffTicketSummary } from "./api";

export const TICKET_ID = "0192f0a4-0000-7000-8000-00000000a001";
export const PROPERTY_ID = "0192f0a4-0000-7000-8000-0000000000b1";
export const OTHER_STAFF_ID = "0192f0a4-0000-7000-8000-00000000c502";

export const summary: StaffTicketSummary = {
  id: TICKET_ID,
  number: "VI-2026-00042",
  leaseId: "0192f0a4-0000-7000-8000-0000000000c1",
  category: "water_drains",
  categoryName: "Vesi ja viemärit",
  area: null,
  location: "Keittiö",
  status: "received",
  statusName: "Vastaanotettu",
  expectedBy: "2026-11-20",
  scheduledStart: null,
  scheduledEnd: null,
  createdAt: "2026-11-13T08:15:00Z",
  updatedAt: "2026-11-13T08:15:00Z",
  propertyId: PROPERTY_ID,
  propertyName: "Kontulan Kaari",
  unit: "A 12",
  assigneeId: null,
  assigneeName: null,
  overdue: true,
};

export const ticket: StaffTicket = {
  ...summary,
  description: "Keittiön hana vuotaa.\nAllas täyttyy yöllä.",
  masterKeyPermission: false,
  contactWindow: "arkisin 8–16",
  pets: true,
  contactPhone: "+358 40 000 0101",
  reporterName: "Mikko Laine",
  closedAt: null,
  rejectReason: null,
  photos: [
    {
      id: "0192f0a4-0000-7000-8000-0000000000f1",
      position: 0,
      mediaType: "image/jpeg",
      width: 800,
      height: 600,
    },
  ],
  timeline: [
    {
      id: "0192f0a4-0000-7000-8000-0000000000e1",
      kind: "comment",
      actorKind: "resident",
      actorName: "Mikko Laine",
      visibility: "public",
      fromStatus: null,
      toStatus: null,
      text: "Vesi on nyt suljettu.",
      createdAt: "2026-11-13T09:00:00Z",
    },
    {
      id: "0192f0a4-0000-7000-8000-0000000000e2",
      kind: "note",
      actorKind: "staff",
      actorName: "Kaisa Virtanen",
      visibility: "internal",
      fromStatus: null,
      toStatus: null,
      text: "Soitin asukkaalle, tilataan putkimies.",
      createdAt: "2026-11-13T10:00:00Z",
    },
  ],
  rating: null,
};

export const categories: Categories = {
  groups: [
    {
      code: "home",
      name: "Asunto",
      categories: [
        { code: "water_drains", name: "Vesi ja viemärit", expectedDays: 7, emergency: false },
        { code: "electricity", name: "Sähkö", expectedDays: 7, emergency: false },
      ],
    },
  ],
  statuses: [
    { code: "received", name: "Vastaanotettu" },
    { code: "in_progress", name: "Työn alla" },
    { code: "scheduled", name: "Aikataulutettu" },
    { code: "waiting_for_parts", name: "Odottaa osia" },
    { code: "done", name: "Valmis" },
    { code: "cancelled", name: "Peruttu" },
    { code: "rejected", name: "Hylätty" },
  ],
};

export const directory = [
  { id: OTHER_STAFF_ID, name: "Heikki Huolto", roles: ["maintenance"], regionIds: [] },
];
