import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st } from "../i18n/st";
import type { RegionWithProperties } from "../messages/api";
import { AudienceFieldset } from "./AudienceFieldset";
import type { NewsBody, StaffNews } from "./api";
import { LanguageFieldsets } from "./LanguageFieldsets";
import { bodyFromForm, type NewsFormState } from "./newsForm";

interface Props {
  initial: NewsFormState;
  regions: RegionWithProperties[];
  submitLabel: string;
  save: (body: NewsBody) => Promise<StaffNews>;
  onSaved: (news: StaffNews) => void;
}

/** The item's texts, audience, pinned/urgent and expiry; what was typed stays on a problem. */
export function NewsForm({ initial, regions, submitLabel, save, onSaved }: Props) {
  const [form, setForm] = useState(initial);
  const action = useAction();
  const change = (patch: Partial<NewsFormState>) => setForm((prev) => ({ ...prev, ...patch }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const saved = await action.run(() => save(bodyFromForm(form)));
    if (saved) onSaved(saved);
  };
  return (
    <form class="form staff-news-form" onSubmit={submit} data-testid="news-form">
      <ErrorAlert problem={action.problem} />
      <LanguageFieldsets form={form} problem={action.problem} onChange={change} />
      <AudienceFieldset form={form} regions={regions} problem={action.problem} onChange={change} />
      <fieldset class="staff-news-fieldset">
        <legend>{st("news.editor.visibility")}</legend>
        <label class="staff-news-check">
          <input
            type="checkbox"
            checked={form.pinned}
            onChange={(e) => change({ pinned: e.currentTarget.checked })}
            data-testid="news-pinned"
          />
          {st("news.editor.pinned")}
        </label>
        <label class="staff-news-check">
          <input
            type="checkbox"
            checked={form.urgent}
            aria-describedby="news-urgent-hint"
            onChange={(e) => change({ urgent: e.currentTarget.checked })}
            data-testid="news-urgent"
          />
          {st("news.editor.urgent")}
        </label>
        <p id="news-urgent-hint" class="staff-small">
          {st("news.editor.urgentHint")}
        </p>
        <FieldFrame
          label={st("news.editor.expiresAt")}
          hint={st("news.editor.expiresHint")}
          error={action.problem?.fieldError("expiresAt")}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              type="datetime-local"
              class="field__input"
              value={form.expiresAt}
              onInput={(e) => change({ expiresAt: e.currentTarget.value })}
              aria-describedby={describedBy}
              data-testid="news-expires"
            />
          )}
        </FieldFrame>
      </fieldset>
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={action.disabled}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
