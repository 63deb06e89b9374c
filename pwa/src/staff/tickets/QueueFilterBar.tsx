import { useEffect, useId, useState } from "preact/hooks";
import { st, stf, stOr } from "../i18n/st";
import { FilterSelect } from "../shell/FilterSelect";
import type { StaffUser } from "../shell/session";
import type { Categories, QueueSort, StaffDirectoryUser, StaffProperty, TicketStatus } from "./api";
import { SORTS, STATUSES } from "./api";
import { AGES, NO_FILTERS, type QueueFilters } from "./queueFilters";

interface Props {
  filters: QueueFilters;
  onChange(next: QueueFilters): void;
  user: StaffUser;
  categories: Categories | null;
  properties: StaffProperty[];
  staff: StaffDirectoryUser[];
}

/** Search, status checkboxes, selects and the overdue switch; each change applies at once
 * (the table below updates; the focus stays where it is). */
export function QueueFilterBar({ filters, onChange, user, categories, properties, staff }: Props) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const searchId = useId();
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch, page: 0 });
  const statusName = (code: TicketStatus) =>
    categories?.statuses.find((s) => s.code === code)?.name ?? st(`tickets.status.${code}`);
  const toggle = (code: TicketStatus, on: boolean) =>
    set({
      statuses: on
        ? STATUSES.filter((s) => s === code || filters.statuses.includes(s))
        : filters.statuses.filter((s) => s !== code),
    });
  const others = staff.filter((s) => s.id !== user.id);

  return (
    <section class="staff-filters" aria-label={st("tickets.queue.filters")}>
      <search>
        <form
          class="staff-search"
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <div class="field">
            <label class="field__label" for={searchId}>
              {st("tickets.queue.search")}
            </label>
            <input
              id={searchId}
              type="search"
              class="field__input"
              value={q}
              maxLength={100}
              onInput={(e) => setQ(e.currentTarget.value)}
              data-testid="queue-search"
            />
          </div>
          <button type="submit" class="button" data-testid="queue-search-submit">
            {st("tickets.queue.searchSubmit")}
          </button>
        </form>
      </search>
      <fieldset>
        <legend>{st("tickets.queue.status")}</legend>
        <div class="staff-checks">
          {STATUSES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={filters.statuses.includes(code)}
                onChange={(e) => toggle(code, e.currentTarget.checked)}
                data-testid={`queue-status-${code}`}
              />
              {statusName(code)}
            </label>
          ))}
        </div>
      </fieldset>
      <FilterSelect
        label={st("tickets.queue.category")}
        value={filters.category}
        onChange={(category) => set({ category })}
        testid="queue-category"
        options={[
          { value: "", label: st("tickets.queue.anyCategory") },
          ...(categories?.groups ?? []).flatMap((g) =>
            g.categories.map((c) => ({ value: c.code, label: `${g.name}: ${c.name}` })),
          ),
        ]}
      />
      <FilterSelect
        label={st("tickets.queue.property")}
        value={filters.propertyId}
        onChange={(propertyId) => set({ propertyId })}
        testid="queue-property"
        options={[
          { value: "", label: st("tickets.queue.anyProperty") },
          ...properties.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <FilterSelect
        label={st("tickets.queue.age")}
        value={String(filters.olderThan)}
        onChange={(value) => set({ olderThan: Number(value) })}
        testid="queue-age"
        options={[
          { value: "0", label: st("tickets.queue.anyAge") },
          ...AGES.map((n) => ({
            value: String(n),
            label: stf("tickets.queue.olderThan", { n: String(n) }),
          })),
        ]}
      />
      <FilterSelect
        label={st("tickets.queue.assignee")}
        value={filters.assignee}
        onChange={(assignee) => set({ assignee })}
        testid="queue-assignee"
        options={[
          { value: "", label: st("tickets.queue.anyAssignee") },
          { value: "unassigned", label: st("tickets.queue.unassigned") },
          { value: user.id, label: stf("tickets.queue.me", { name: user.name }) },
          ...others.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <FilterSelect
        label={st("tickets.queue.sort")}
        value={filters.sort}
        onChange={(sort) => onChange({ ...filters, sort: sort as QueueSort, page: 0 })}
        testid="queue-sort"
        options={SORTS.map((s) => ({ value: s, label: stOr(`tickets.sort.${s}`, s) }))}
      />
      <label class="staff-check">
        <input
          type="checkbox"
          checked={filters.overdue}
          onChange={(e) => set({ overdue: e.currentTarget.checked })}
          data-testid="queue-overdue"
        />
        {st("tickets.queue.overdue")}
      </label>
      <button
        type="button"
        class="button"
        onClick={() => onChange(NO_FILTERS)}
        data-testid="queue-clear"
      >
        {st("tickets.queue.clear")}
      </button>
    </section>
  );
}
