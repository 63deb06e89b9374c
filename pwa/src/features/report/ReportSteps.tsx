/** The bodies of the wizard's steps (the frame — heading, Back/Next — is ReportScreen's). */
import type { Home } from "../../api/types";
import { TextAreaField, TextField } from "../../components/FormField";
import { telHref } from "../../components/tel";
import type { MessageKey } from "../../i18n/catalog";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow, CategoryRow } from "../../offline/views";
import {
  type ErrorCode,
  type FieldErrors,
  fileableGroups,
  LIMITS,
  type ReportDraft,
} from "./draft";
import { RadioGroup } from "./ReportFields";

export function errorText(code: ErrorCode | undefined): string | undefined {
  return code ? t(`report.errors.${code}` as MessageKey) : undefined;
}

export function homeLabel(home: Home): string {
  return `${home.address} ${home.unit}`.trim();
}

export function expectedText(category: CategoryRow): string {
  return category.expectedDays === 1
    ? t("report.category.expectedOne")
    : tf("report.category.expected", { days: String(category.expectedDays) });
}

/** "Yes" → the 24/7 number, and no form at all. */
export function EmergencyCall({ phone }: { phone: string | null }) {
  return (
    <div class="emergency-box report-emergency" data-testid="report-emergency">
      <p>{t("report.emergency.callIntro")}</p>
      {phone ? (
        <p>
          <a
            class="emergency-box__call report-emergency__call"
            href={telHref(phone)}
            data-testid="report-emergency-call"
          >
            {tf("report.emergency.call", { phone })}
          </a>
        </p>
      ) : (
        <p>{t("report.emergency.noPhone")}</p>
      )}
      <p>{t("report.emergency.fire")}</p>
    </div>
  );
}

interface StepProps {
  draft: ReportDraft;
  errors: FieldErrors;
  update: (change: Partial<ReportDraft>) => void;
}

export function AreaStep({
  draft,
  errors,
  update,
  homes,
  categories,
}: StepProps & { homes: readonly Home[]; categories: CategoriesRow | null | undefined }) {
  const groups = fileableGroups(categories);
  return (
    <>
      {(homes.length >= 2 || !homes.some((home) => home.leaseId === draft.leaseId)) && (
        <RadioGroup
          legend={t("report.area.homeLegend")}
          options={homes.map((home) => ({
            value: home.leaseId,
            label: homeLabel(home),
            hint: home.propertyName,
          }))}
          selected={draft.leaseId}
          onChange={(leaseId) => update({ leaseId })}
          error={errorText(errors.leaseId)}
          testid="report-home"
        />
      )}
      {groups.length === 0 && <p class="notice">{t("report.area.noCategories")}</p>}
      <RadioGroup
        legend={t("report.area.areaLegend")}
        options={groups.map((group) => ({ value: group.code, label: group.name }))}
        selected={draft.area}
        onChange={(area) =>
          update({
            area,
            // A category of the other area no longer fits.
            category: groups
              .find((g) => g.code === area)
              ?.categories.some((c) => c.code === draft.category)
              ? draft.category
              : null,
          })
        }
        error={errorText(errors.area)}
        testid="report-area"
      />
    </>
  );
}

export function CategoryStep({
  draft,
  errors,
  update,
  categories,
}: StepProps & { categories: CategoriesRow | null | undefined }) {
  const group = fileableGroups(categories).find((g) => g.code === draft.area);
  return (
    <RadioGroup
      legend={group ? `${t("report.category.legend")}: ${group.name}` : t("report.category.legend")}
      options={(group?.categories ?? []).map((category) => ({
        value: category.code,
        label: category.name,
        hint: expectedText(category),
      }))}
      selected={draft.category}
      onChange={(category) => update({ category })}
      error={errorText(errors.category)}
      testid="report-category"
    />
  );
}

export function LocationStep({ draft, errors, update }: StepProps) {
  return (
    <TextField
      label={t("report.location.label")}
      hint={t("report.location.hint")}
      value={draft.location}
      onInput={(location) => update({ location })}
      error={errorText(errors.location)}
      maxLength={LIMITS.locationMax}
      testid="report-location"
    />
  );
}

export function DescriptionStep({ draft, errors, update }: StepProps) {
  return (
    <TextAreaField
      label={t("report.description.label")}
      hint={t("report.description.hint")}
      value={draft.description}
      onInput={(description) => update({ description })}
      error={errorText(errors.description)}
      maxLength={LIMITS.descriptionMax}
      required
      rows={6}
      inputClass="report-textarea"
      testid="report-description"
    />
  );
}

export function AccessStep({ draft, errors, update }: StepProps) {
  return (
    <>
      <RadioGroup
        legend={t("report.access.masterKeyLegend")}
        options={[
          { value: true, label: t("report.access.masterKeyYes"), testid: "report-masterkey-yes" },
          { value: false, label: t("report.access.masterKeyNo"), testid: "report-masterkey-no" },
        ]}
        selected={draft.masterKeyPermission}
        onChange={(masterKeyPermission) => update({ masterKeyPermission })}
        error={errorText(errors.masterKeyPermission)}
        testid="report-masterkey"
      />
      {draft.masterKeyPermission === false && (
        <TextField
          label={t("report.access.contactWindowLabel")}
          hint={t("report.access.contactWindowHint")}
          value={draft.contactWindow}
          onInput={(contactWindow) => update({ contactWindow })}
          error={errorText(errors.contactWindow)}
          maxLength={LIMITS.contactWindowMax}
          required
          testid="report-contact-window"
        />
      )}
      <RadioGroup
        legend={t("report.access.petsLegend")}
        options={[
          { value: true, label: t("report.access.petsYes"), testid: "report-pets-yes" },
          { value: false, label: t("report.access.petsNo"), testid: "report-pets-no" },
        ]}
        selected={draft.pets}
        onChange={(pets) => update({ pets })}
        error={errorText(errors.pets)}
        testid="report-pets"
      />
      <TextField
        type="tel"
        label={t("report.access.phoneLabel")}
        hint={t("report.access.phoneHint")}
        value={draft.contactPhone}
        onInput={(contactPhone) => update({ contactPhone })}
        error={errorText(errors.contactPhone)}
        autocomplete="tel"
        inputMode="tel"
        maxLength={LIMITS.phoneMax}
        required
        testid="report-phone"
      />
    </>
  );
}
