/** The editor's form state, from a property and to the PATCH body (changes only). */
import {
  type Contact,
  LANGUAGES,
  type PropertyLanguage,
  type PropertyPatch,
  type StaffProperty,
  TEXT_FIELDS,
  type TextField,
} from "./api";

export interface PropertyFormState {
  texts: Record<TextField, Record<PropertyLanguage, string>>;
  emergencyPhone: string;
  yearBuilt: string;
  floors: string;
  maintenanceCompany: Contact;
  houseManager: Contact;
}

export function formFromProperty(p: StaffProperty): PropertyFormState {
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => {
      const value = p.texts[field] ?? {};
      return [field, { fi: value.fi ?? "", sv: value.sv ?? "", en: value.en ?? "" }];
    }),
  ) as PropertyFormState["texts"];
  return {
    texts,
    emergencyPhone: p.emergencyPhone,
    yearBuilt: p.yearBuilt === null ? "" : String(p.yearBuilt),
    floors: p.floors === null ? "" : String(p.floors),
    maintenanceCompany: { ...p.maintenanceCompany },
    houseManager: { ...p.houseManager },
  };
}

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));
const sameContact = (a: Contact, b: Contact) =>
  a.name === b.name && a.phone === b.phone && a.email === b.email;

/** Only what changed: a changed text field is sent whole (an emptied sv/en as null). */
export function patchFromForm(form: PropertyFormState, was: PropertyFormState): PropertyPatch {
  const patch: PropertyPatch = {};
  for (const field of TEXT_FIELDS) {
    const now = form.texts[field];
    const before = was.texts[field];
    if (LANGUAGES.every((lang) => now[lang] === before[lang])) continue;
    patch[field] = {
      fi: now.fi,
      sv: now.sv.trim() === "" ? null : now.sv,
      en: now.en.trim() === "" ? null : now.en,
    };
  }
  if (form.emergencyPhone !== was.emergencyPhone) patch.emergencyPhone = form.emergencyPhone;
  if (form.yearBuilt !== was.yearBuilt) patch.yearBuilt = numberOrNull(form.yearBuilt);
  if (form.floors !== was.floors) patch.floors = numberOrNull(form.floors);
  if (!sameContact(form.maintenanceCompany, was.maintenanceCompany)) {
    patch.maintenanceCompany = form.maintenanceCompany;
  }
  if (!sameContact(form.houseManager, was.houseManager)) patch.houseManager = form.houseManager;
  return patch;
}
