import { useEffect, useRef, useState } from "preact/hooks";
import { FieldFrame, TextField } from "../../components/FormField";
import { st, stOr } from "../i18n/st";
import {
  ACTOR_TYPES,
  type AuditFilters,
  isUuid,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
  NO_FILTERS,
} from "./auditFilters";

interface Props {
  filters: AuditFilters;
  onApply(next: AuditFilters): void;
}

type Problems = Partial<Record<"actorId" | "entityId" | "to", string>>;

function check(draft: AuditFilters): Problems {
  const problems: Problems = {};
  if (draft.actorId && !isUuid(draft.actorId)) problems.actorId = st("audit.filters.badId");
  if (draft.entityId && !isUuid(draft.entityId)) problems.entityId = st("audit.filters.badId");
  if (draft.from && draft.to && draft.to < draft.from) problems.to = st("audit.filters.badRange");
  return problems;
}

/** Options for a select: the known codes by their names, and the current one even when the
 * catalog does not know it (a copied link). */
function codeOptions(known: readonly string[], current: string, prefix: "action" | "entity") {
  const codes = current && !known.includes(current) ? [...known, current] : known;
  return codes
    .map((code) => ({ value: code, label: stOr(`audit.${prefix}.${code}`, code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The filters as a form: "Show" applies them (into the URL), each checked first. */
export function AuditFilterBar({ filters, onApply }: Props) {
  const [draft, setDraft] = useState(filters);
  const [problems, setProblems] = useState<Problems>({});
  const form = useRef<HTMLFormElement>(null);
  // The URL changed (a link in the table, back/forward): the form follows.
  useEffect(() => {
    setDraft(filters);
    setProblems({});
  }, [JSON.stringify(filters)]);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: Event) {
    event.preventDefault();
    const trimmed = { ...draft, actorId: draft.actorId.trim(), entityId: draft.entityId.trim() };
    const found = check(trimmed);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply({ ...trimmed, page: 0 });
  }

  const select = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    testid: string,
    options: { value: string; label: string }[],
    any: string,
  ) => (
    <FieldFrame label={label}>
      {({ id }) => (
        <select
          id={id}
          class="field__input"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={testid}
        >
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );

  const dayField = (label: string, value: string, key: "from" | "to", error?: string) => (
    <FieldFrame label={label} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="date"
          class="field__input"
          value={value}
          onInput={(e) => set({ [key]: e.currentTarget.value })}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          data-testid={`audit-${key}`}
        />
      )}
    </FieldFrame>
  );

  return (
    <form
      class="staff-filters"
      aria-label={st("audit.filters.label")}
      noValidate
      onSubmit={submit}
      ref={form}
    >
      {select(
        st("audit.filters.actorType"),
        draft.actorType,
        (v) => set({ actorType: v as AuditFilters["actorType"] }),
        "audit-actor-type",
        ACTOR_TYPES.map((t) => ({ value: t, label: st(`audit.actorType.${t}`) })),
        st("audit.filters.anyActorType"),
      )}
      <TextField
        label={st("audit.filters.actorId")}
        value={draft.actorId}
        onInput={(actorId) => set({ actorId })}
        maxLength={36}
        autocomplete="off"
        error={problems.actorId}
        testid="audit-actor-id"
      />
      {select(
        st("audit.filters.action"),
        draft.action,
        (action) => set({ action }),
        "audit-action",
        codeOptions(KNOWN_ACTIONS, draft.action, "action"),
        st("audit.filters.anyAction"),
      )}
      {select(
        st("audit.filters.entityType"),
        draft.entityType,
        (entityType) => set({ entityType }),
        "audit-entity-type",
        codeOptions(KNOWN_ENTITY_TYPES, draft.entityType, "entity"),
        st("audit.filters.anyEntityType"),
      )}
      <TextField
        label={st("audit.filters.entityId")}
        value={draft.entityId}
        onInput={(entityId) => set({ entityId })}
        maxLength={36}
        autocomplete="off"
        error={problems.entityId}
        testid="audit-entity-id"
      />
      {dayField(st("audit.filters.from"), draft.from, "from")}
      {dayField(st("audit.filters.to"), draft.to, "to", problems.to)}
      <button type="submit" class="button button--primary" data-testid="audit-apply">
        {st("audit.filters.apply")}
      </button>
      <button
        type="button"
        class="button"
        onClick={() => onApply(NO_FILTERS)}
        data-testid="audit-clear"
      >
        {st("audit.filters.clear")}
      </button>
    </form>
  );
}
