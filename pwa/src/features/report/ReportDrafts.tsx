/** Which draft is being continued, the other unsent ones, and discarding with confirmation. */
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { CategoriesRow } from "../../offline/views";
import { language } from "../../state/language";
import { findCategory } from "./draft";
import type { StoredReport } from "./useReportDrafts";

function when(ms: number): string {
  return formatDateTime(new Date(ms).toISOString(), language.value);
}

export function draftName(entry: StoredReport, categories: CategoriesRow | null | undefined) {
  const found = findCategory(categories, entry.draft.category);
  const description = entry.draft.description.trim();
  const short = description.length > 40 ? `${description.slice(0, 40)}…` : description;
  const name = [found?.category.name, short].filter(Boolean).join(": ");
  return name || t("report.drafts.untitled");
}

interface NoticeProps {
  current: StoredReport | null;
  restored: boolean;
  others: readonly StoredReport[];
  categories: CategoriesRow | null | undefined;
  onDiscard: (id: string) => void;
  onContinue: (id: string) => void;
}

export function ReportDraftsNotice(props: NoticeProps) {
  return (
    <>
      {props.restored && props.current && (
        <div class="notice report-restored" data-testid="report-restored">
          <p>{tf("report.drafts.continuing", { time: when(props.current.updatedAt) })}</p>
          <button
            type="button"
            class="button"
            onClick={() => props.current && props.onDiscard(props.current.id)}
            data-testid="report-discard"
          >
            {t("report.drafts.discard")}
          </button>
        </div>
      )}
      {props.others.length > 0 && (
        <section class="card" aria-labelledby="report-others-heading" data-testid="report-others">
          <h2 id="report-others-heading">{t("report.drafts.othersHeading")}</h2>
          <ul class="report-others">
            {props.others.map((entry) => {
              const name = draftName(entry, props.categories);
              return (
                <li key={entry.id} class="report-others__item">
                  <p>
                    <strong>{name}</strong>{" "}
                    {tf("report.drafts.started", { time: when(entry.updatedAt) })}
                  </p>
                  <div class="form__actions">
                    <button
                      type="button"
                      class="button"
                      aria-label={tf("report.drafts.continueNamed", { name })}
                      onClick={() => props.onContinue(entry.id)}
                    >
                      {t("report.drafts.continue")}
                    </button>
                    <button
                      type="button"
                      class="button"
                      aria-label={tf("report.drafts.discardNamed", { name })}
                      onClick={() => props.onDiscard(entry.id)}
                    >
                      {t("report.drafts.discard")}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}

/** Confirm discarding a draft: what the resident wrote is gone for good. */
export function ReportDiscardDialog(props: { onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      title={t("report.drafts.discardTitle")}
      confirmLabel={t("report.drafts.discardConfirm")}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
      testid="report-discard"
    >
      <p>{t("report.drafts.discardQuestion")}</p>
    </ConfirmDialog>
  );
}
