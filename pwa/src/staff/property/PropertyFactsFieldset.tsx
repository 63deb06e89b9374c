import type { ProblemError } from "../../api/client";
import { TextField } from "../../components/FormField";
import { st } from "../i18n/st";
import type { Contact } from "./api";
import type { PropertyFormState } from "./propertyForm";

interface Props {
  form: PropertyFormState;
  problem: ProblemError | null;
  onChange: (patch: Partial<PropertyFormState>) => void;
}

function ContactFieldset({
  legend,
  name,
  contact,
  problem,
  onChange,
}: {
  legend: string;
  name: "maintenanceCompany" | "houseManager";
  contact: Contact;
  problem: ProblemError | null;
  onChange: (contact: Contact) => void;
}) {
  return (
    <fieldset class="staff-property-fieldset" data-testid={`contact-${name}`}>
      <legend>{legend}</legend>
      <TextField
        label={st("property.facts.contactName")}
        value={contact.name}
        onInput={(v) => onChange({ ...contact, name: v })}
        required
        maxLength={200}
        error={problem?.fieldError(`${name}.name`)}
        testid={`${name}-name`}
      />
      <TextField
        label={st("property.facts.phone")}
        type="tel"
        value={contact.phone}
        onInput={(v) => onChange({ ...contact, phone: v })}
        required
        error={problem?.fieldError(`${name}.phone`)}
        testid={`${name}-phone`}
      />
      <TextField
        label={st("property.facts.email")}
        type="email"
        value={contact.email}
        onInput={(v) => onChange({ ...contact, email: v })}
        required
        error={problem?.fieldError(`${name}.email`)}
        testid={`${name}-email`}
      />
    </fieldset>
  );
}

/** Language-free facts: 24/7 number, year built, floors and the two contacts. */
export function PropertyFactsFieldset({ form, problem, onChange }: Props) {
  return (
    <>
      <fieldset class="staff-property-fieldset">
        <legend>{st("property.facts.heading")}</legend>
        <TextField
          label={st("property.facts.emergencyPhone")}
          hint={st("property.facts.emergencyHint")}
          type="tel"
          value={form.emergencyPhone}
          onInput={(v) => onChange({ emergencyPhone: v })}
          required
          error={problem?.fieldError("emergencyPhone")}
          testid="emergency-phone"
        />
        <TextField
          label={st("property.facts.yearBuilt")}
          value={form.yearBuilt}
          inputMode="numeric"
          maxLength={4}
          onInput={(v) => onChange({ yearBuilt: v })}
          error={problem?.fieldError("yearBuilt")}
          testid="year-built"
        />
        <TextField
          label={st("property.facts.floors")}
          value={form.floors}
          inputMode="numeric"
          maxLength={3}
          onInput={(v) => onChange({ floors: v })}
          error={problem?.fieldError("floors")}
          testid="floors"
        />
      </fieldset>
      <ContactFieldset
        legend={st("property.facts.maintenanceCompany")}
        name="maintenanceCompany"
        contact={form.maintenanceCompany}
        problem={problem}
        onChange={(c) => onChange({ maintenanceCompany: c })}
      />
      <ContactFieldset
        legend={st("property.facts.houseManager")}
        name="houseManager"
        contact={form.houseManager}
        problem={problem}
        onChange={(c) => onChange({ houseManager: c })}
      />
    </>
  );
}
