/** Test helper: sessions as GET /api/session returns them. */
import type { ResidentPrincipal, Session, StaffPrincipal } from "../api/types";

export const resident: ResidentPrincipal = {
  kind: "resident",
  id: "0192f0a4-0000-7000-8000-0000000000a1",
  firstName: "Aino",
  lastName: "Virtanen",
  email: "aino.virtanen@example.fi",
  phone: "+358 40 000 0000",
  language: "sv",
  passwordEnabled: false,
  homes: [
    {
      leaseId: "lease-1",
      access: "main_tenant",
      propertyName: "Kontulan Kaari",
      address: "Gårdsbackavägen 12",
      unit: "A 12",
      startsOn: "2024-03-01",
      endsOn: null,
    },
    {
      leaseId: "lease-2",
      access: "before_start",
      propertyName: "Vuosaaren Ranta",
      address: "Nordsjövägen 3",
      unit: "B 7",
      startsOn: "2026-09-01",
      endsOn: null,
    },
  ],
};

export const staff: StaffPrincipal = {
  kind: "staff",
  id: "0192f0a4-0000-7000-8000-0000000000s1",
  name: "Kaisa Virtanen",
  email: "asiakaspalvelu.ita@example.fi",
  roles: ["customer_service"],
  language: "fi",
};

export function signedIn(principal: ResidentPrincipal | StaffPrincipal = resident): Session {
  return { authenticated: true, principal, passwordLoginAvailable: true, strongAuth: "demo" };
}

export function signedOut(passwordLoginAvailable = false): Session {
  return { authenticated: false, principal: null, passwordLoginAvailable, strongAuth: "demo" };
}
