import type { ProblemError } from "../../api/client";
import { language } from "../../state/language";
import { st } from "../i18n/st";
import type { RegionWithProperties } from "../messages/api";
import { propertiesOf, regionName } from "../messages/regions";
import { AUDIENCES, type Audience } from "./api";
import type { NewsFormState } from "./newsForm";

interface Props {
  form: NewsFormState;
  regions: RegionWithProperties[];
  problem: ProblemError | null;
  onChange: (patch: Partial<NewsFormState>) => void;
}

/** Who sees the item: everyone, one region or one property (with its picker). */
export function AudienceFieldset({ form, regions, problem, onChange }: Props) {
  const lang = language.value;
  const properties = propertiesOf(regions);
  const error =
    problem?.fieldError("audience") ??
    problem?.fieldError("regionId") ??
    problem?.fieldError("propertyId");
  return (
    <fieldset class="staff-news-fieldset" data-testid="news-audience">
      <legend>{st("news.editor.audience")}</legend>
      {error && <p class="field__error">{error}</p>}
      <div class="staff-checks">
        {AUDIENCES.map((code) => (
          <label key={code}>
            <input
              type="radio"
              name="news-audience"
              value={code}
              checked={form.audience === code}
              onChange={() => onChange({ audience: code as Audience })}
            />
            {st(`news.audience.${code}`)}
          </label>
        ))}
      </div>
      {form.audience === "region" && (
        <div class="field">
          <label class="field__label" for="news-region">
            {st("news.editor.region")}
          </label>
          <select
            id="news-region"
            class="field__input"
            required
            value={form.regionId}
            onChange={(e) => onChange({ regionId: e.currentTarget.value })}
          >
            <option value="">{st("news.editor.choose")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {regionName(r, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      {form.audience === "property" && (
        <div class="field">
          <label class="field__label" for="news-property">
            {st("news.editor.property")}
          </label>
          <select
            id="news-property"
            class="field__input"
            required
            value={form.propertyId}
            onChange={(e) => onChange({ propertyId: e.currentTarget.value })}
          >
            <option value="">{st("news.editor.choose")}</option>
            {properties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
