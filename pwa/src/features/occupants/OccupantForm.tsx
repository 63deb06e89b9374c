import { useState } from "preact/hooks";
import { FieldFrame, TextField } from "../../components/FormField";
import type { MessageKey } from "../../i18n/catalog";
import { t, tf } from "../../i18n/t";
import {
  addDays,
  type ChangeKind,
  canMoveOut,
  type FormErrors,
  FUTURE_DAYS,
  KINDS,
  NAME_MAX,
  needsBirthDate,
  needsDate,
  needsName,
  needsOccupant,
  PAST_DAYS,
  toArgs,
  todayIso,
  validate,
} from "./occupantModel";
import type { ChangeDraft } from "./useChangeDraft";
import type { RegisterState } from "./useRegister";

const KIND_LABEL: Record<ChangeKind, MessageKey> = {
  move_in: "occupants.kind.move_in",
  move_out: "occupants.kind.move_out",
  birth: "occupants.kind.birth",
  name_change: "occupants.kind.name_change",
};

const DATE_LABEL: Record<ChangeKind, MessageKey> = {
  move_in: "occupants.field.movesInOn",
  move_out: "occupants.field.movesOutOn",
  name_change: "occupants.field.effectiveOn",
  birth: "occupants.field.movesInOn",
};

const NAME_LABELS: Record<"new" | "person", { first: MessageKey; last: MessageKey }> = {
  new: { first: "occupants.field.newFirstName", last: "occupants.field.newLastName" },
  person: { first: "occupants.field.firstName", last: "occupants.field.lastName" },
};

function DateField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  min?: string;
  max?: string;
  testid: string;
}) {
  return (
    <FieldFrame label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          class="field__input occupant-date"
          type="date"
          value={props.value}
          min={props.min}
          max={props.max}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
          data-testid={props.testid}
        />
      )}
    </FieldFrame>
  );
}

function KindChoice(props: {
  value: ChangeKind | "";
  error: MessageKey | undefined;
  onChange: (kind: ChangeKind) => void;
}) {
  return (
    <fieldset
      class={props.error ? "field field--invalid occupant-kinds" : "field occupant-kinds"}
      aria-describedby={props.error ? "occupant-kind-error" : undefined}
      data-testid="occupant-kind"
    >
      <legend class="field__label">{t("occupants.field.kind")}</legend>
      {props.error && (
        <p class="field__error" id="occupant-kind-error">
          {t(props.error)}
        </p>
      )}
      {KINDS.map((kind) => (
        <div class="occupant-kinds__option" key={kind}>
          <input
            type="radio"
            id={`occupant-kind-${kind}`}
            name="occupant-kind"
            value={kind}
            checked={props.value === kind}
            onChange={() => props.onChange(kind)}
            aria-describedby={props.error ? "occupant-kind-error" : undefined}
            data-testid={`occupant-kind-${kind}`}
          />{" "}
          <label for={`occupant-kind-${kind}`}>{t(KIND_LABEL[kind])}</label>
        </div>
      ))}
    </fieldset>
  );
}

function OccupantChoice(props: {
  kind: ChangeKind;
  value: string;
  error: MessageKey | undefined;
  register: RegisterState;
  onChange: (id: string) => void;
}) {
  const { register } = props;
  if (register.kind === "loading") {
    return (
      <p role="status" data-testid="occupant-register-loading">
        {t("occupants.registerLoading")}
      </p>
    );
  }
  if (register.kind === "missing") {
    return (
      <p class="notice" role="status" data-testid="occupant-register-missing">
        {t("occupants.registerMissing")}
      </p>
    );
  }
  const people =
    props.kind === "move_out" ? register.occupants.filter(canMoveOut) : register.occupants;
  const signatories = props.kind === "move_out" && people.length < register.occupants.length;
  return (
    <>
      <FieldFrame
        label={t("occupants.field.occupant")}
        hint={signatories ? t("occupants.signatoryNote") : undefined}
        error={props.error ? t(props.error) : undefined}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            class="field__input"
            value={props.value}
            onChange={(event) => props.onChange(event.currentTarget.value)}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={describedBy}
            data-testid="occupant-person"
          >
            <option value="">{t("occupants.field.choose")}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.firstName} {person.lastName}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      {people.length === 0 && <p class="note">{t("occupants.nobodyToChoose")}</p>}
    </>
  );
}

/** The report form: what changed, about whom, when; checked as the server would. */
export function OccupantForm(props: {
  leaseId: string;
  draft: ChangeDraft;
  register: RegisterState;
}) {
  const { draft } = props;
  const { form } = draft;
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);
  const [queued, setQueued] = useState(false);
  const today = todayIso();
  const occupants = props.register.kind === "loaded" ? props.register.occupants : null;
  const kind = form.kind;

  function change(changes: Partial<typeof form>): void {
    setQueued(false);
    const next = { ...form, ...changes };
    draft.update(changes);
    if (tried) setErrors(validate(next, today, occupants));
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setTried(true);
    const found = validate(form, today, occupants);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setQueued(false);
      return;
    }
    await draft.send(toArgs(props.leaseId, form));
    setTried(false);
    setErrors({});
    setQueued(true);
  }

  const error = (field: keyof FormErrors) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const count = Object.keys(errors).length;
  const names = kind === "name_change" ? NAME_LABELS.new : NAME_LABELS.person;

  return (
    <form
      class="form occupant-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="occupants-form-heading"
      data-testid="occupant-form"
    >
      <h2 id="occupants-form-heading">{t("occupants.formHeading")}</h2>
      <p class="note">{t("occupants.reviewNote")}</p>
      <p class="note">{t("occupants.noIdentityCode")}</p>
      <div role="alert" data-testid="occupant-form-errors">
        {tried && count > 0 && (
          <p class="field__error">
            {count === 1
              ? t("occupants.errors.fixOne")
              : tf("occupants.errors.fixMany", { count: String(count) })}
          </p>
        )}
      </div>
      <KindChoice value={kind} error={errors.kind} onChange={(next) => change({ kind: next })} />
      {needsOccupant(kind) && kind !== "" && (
        <OccupantChoice
          kind={kind}
          value={form.occupantId}
          error={errors.occupantId}
          register={props.register}
          onChange={(occupantId) => change({ occupantId })}
        />
      )}
      {needsName(kind) && (
        <>
          <TextField
            label={t(names.first)}
            value={form.firstName}
            onInput={(firstName) => change({ firstName })}
            error={error("firstName")}
            autocomplete="off"
            maxLength={NAME_MAX}
            testid="occupant-first-name"
          />
          <TextField
            label={t(names.last)}
            value={form.lastName}
            onInput={(lastName) => change({ lastName })}
            error={error("lastName")}
            autocomplete="off"
            maxLength={NAME_MAX}
            testid="occupant-last-name"
          />
        </>
      )}
      {needsBirthDate(kind) && (
        <DateField
          label={t("occupants.field.birthDate")}
          value={form.birthDate}
          onInput={(birthDate) => change({ birthDate })}
          hint={kind === "birth" ? t("occupants.field.birthHint") : undefined}
          error={error("birthDate")}
          max={today}
          testid="occupant-birth-date"
        />
      )}
      {needsDate(kind) && kind !== "" && (
        <DateField
          label={t(DATE_LABEL[kind])}
          value={form.date}
          onInput={(date) => change({ date })}
          hint={kind === "move_out" ? t("occupants.field.movesOutHint") : undefined}
          error={error("date")}
          min={addDays(today, -PAST_DAYS)}
          max={addDays(today, FUTURE_DAYS)}
          testid="occupant-date"
        />
      )}
      <div class="form__actions">
        <button type="submit" class="button button--primary" data-testid="occupant-submit">
          {t("occupants.submit")}
        </button>
      </div>
      <p role="status" class="form__status" data-testid="occupant-form-status">
        {queued ? t("occupants.queued") : ""}
      </p>
    </form>
  );
}
