import { st, stOr } from "../i18n/st";
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
      <div class="field">
        <label class="field__label" for="inbox-status">
          {st("messages.inbox.status")}
        </label>
        <select
          id="inbox-status"
          class="field__input"
          value={filters.status}
          onChange={(e) => set({ status: e.currentTarget.value as InboxFilters["status"] })}
          data-testid="inbox-status"
        >
          <option value="">{st("messages.inbox.anyStatus")}</option>
          {THREAD_STATUSES.map((code) => (
            <option key={code} value={code}>
              {stOr(`messages.status.${code}`, code)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field__label" for="inbox-category">
          {st("messages.inbox.category")}
        </label>
        <select
          id="inbox-category"
          class="field__input"
          value={filters.category}
          onChange={(e) => set({ category: e.currentTarget.value })}
          data-testid="inbox-category"
        >
          <option value="">{st("messages.inbox.anyCategory")}</option>
          {categories.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field__label" for="inbox-property">
          {st("messages.inbox.property")}
        </label>
        <select
          id="inbox-property"
          class="field__input"
          value={filters.propertyId}
          onChange={(e) => set({ propertyId: e.currentTarget.value })}
          data-testid="inbox-property"
        >
          <option value="">{st("messages.inbox.anyProperty")}</option>
          {properties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
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
