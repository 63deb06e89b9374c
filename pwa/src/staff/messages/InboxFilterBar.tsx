import { st, stOr } from "../i18n/st";
import { FilterSelect } from "../shell/FilterSelect";
import { type MessageCategory, THREAD_STATUSES } from "./api";
import type { InboxFilters } from "./inboxFilters";

interface Props {
  filters: InboxFilters;
  properties: { id: string; name: string }[];
  categories: MessageCategory[];
  onChange: (next: InboxFilters) => void;
}

/** Status, category, property and "unread" / "assigned to me": each applies at once. */
export function InboxFilterBar({ filters, properties, categories, onChange }: Props) {
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch, page: 0 });
  return (
    <form
      class="staff-filters"
      aria-label={st("messages.inbox.filters")}
      onSubmit={(event) => event.preventDefault()}
    >
      <FilterSelect
        label={st("messages.inbox.status")}
        value={filters.status}
        onChange={(value) => set({ status: value as InboxFilters["status"] })}
        testid="inbox-status"
        options={[
          { value: "", label: st("messages.inbox.anyStatus") },
          ...THREAD_STATUSES.map((code) => ({
            value: code,
            label: stOr(`messages.status.${code}`, code),
          })),
        ]}
      />
      <FilterSelect
        label={st("messages.inbox.category")}
        value={filters.category}
        onChange={(value) => set({ category: value })}
        testid="inbox-category"
        options={[
          { value: "", label: st("messages.inbox.anyCategory") },
          ...categories.map(({ code, name }) => ({ value: code, label: name })),
        ]}
      />
      <FilterSelect
        label={st("messages.inbox.property")}
        value={filters.propertyId}
        onChange={(value) => set({ propertyId: value })}
        testid="inbox-property"
        options={[
          { value: "", label: st("messages.inbox.anyProperty") },
          ...properties.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <fieldset>
        <legend>{st("messages.inbox.show")}</legend>
        <div class="staff-checks">
          <label>
            <input
              type="checkbox"
              checked={filters.unread}
              onChange={(e) => set({ unread: e.currentTarget.checked })}
              data-testid="inbox-unread"
            />
            {st("messages.inbox.unreadOnly")}
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.mine}
              onChange={(e) => set({ mine: e.currentTarget.checked })}
              data-testid="inbox-mine"
            />
            {st("messages.inbox.mineOnly")}
          </label>
        </div>
      </fieldset>
    </form>
  );
}
