import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { st } from "../i18n/st";
import { patchProperty, type StaffProperty } from "./api";
import { PropertyFactsFieldset } from "./PropertyFactsFieldset";
import { PropertyTextFieldsets } from "./PropertyTextFieldsets";
import { formFromProperty, type PropertyFormState, patchFromForm } from "./propertyForm";

interface Props {
  property: StaffProperty;
  onSaved: (property: StaffProperty, message: string) => void;
}

/** The texts per language and the facts; only changes are sent, what was typed stays on a
 * problem. */
export function PropertyForm({ property, onSaved }: Props) {
  const [was, setWas] = useState(() => formFromProperty(property));
  const [form, setForm] = useState(was);
  const action = useAction();
  const change = (patch: Partial<PropertyFormState>) => setForm((prev) => ({ ...prev, ...patch }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const patch = patchFromForm(form, was);
    if (Object.keys(patch).length === 0) {
      onSaved(property, st("property.editor.nothingChanged"));
      return;
    }
    const saved = await action.run(() => patchProperty(property.id, patch));
    if (saved) {
      const next = formFromProperty(saved);
      setWas(next);
      setForm(next);
      onSaved(saved, st("property.editor.saved"));
    }
  };
  return (
    <form class="form staff-property-form" onSubmit={submit} data-testid="property-form">
      <ErrorAlert problem={action.problem} />
      <h2>{st("property.editor.texts")}</h2>
      <p class="staff-small">{st("property.editor.textsHint")}</p>
      <PropertyTextFieldsets
        texts={form.texts}
        problem={action.problem}
        onChange={(field, lang, value) =>
          setForm((prev) => ({
            ...prev,
            texts: { ...prev.texts, [field]: { ...prev.texts[field], [lang]: value } },
          }))
        }
      />
      <h2>{st("property.editor.facts")}</h2>
      <PropertyFactsFieldset form={form} problem={action.problem} onChange={change} />
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={action.disabled}>
          {st("property.editor.save")}
        </button>
      </div>
    </form>
  );
}
