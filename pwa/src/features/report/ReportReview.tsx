/** The last step: everything on one page, "Edit" per item, the rejection reason, "Send". */
import type { ComponentChildren } from "preact";
import type { Home } from "../../api/types";
import type { MessageKey } from "../../i18n/catalog";
import { t, tf } from "../../i18n/t";
import type { RejectedMutation } from "../../offline";
import type { CategoriesRow } from "../../offline/views";
import { findCategory, type ReportDraft, type StepName } from "./draft";
import { PhotoThumbs } from "./ReportPhotos";
import { homeLabel } from "./ReportSteps";

interface ReviewProps {
  draft: ReportDraft;
  homes: readonly Home[];
  categories: CategoriesRow | null | undefined;
  photoUrls: Record<string, string>;
  rejection: RejectedMutation | null;
  sending: boolean;
  onEdit: (step: StepName) => void;
  onSend: () => void;
}

function Item(props: {
  label: MessageKey;
  step: StepName;
  onEdit: (step: StepName) => void;
  testid: string;
  children: ComponentChildren;
}) {
  const label = t(props.label);
  return (
    <div class="report-review__item">
      <dt>{label}</dt>
      <dd data-testid={props.testid}>{props.children}</dd>
      <dd class="report-review__edit">
        <button
          type="button"
          class="report-edit"
          aria-label={tf("report.review.editField", { field: label })}
          onClick={() => props.onEdit(props.step)}
        >
          {t("report.review.edit")}
        </button>
      </dd>
    </div>
  );
}

export function ReportReview(props: ReviewProps) {
  const { draft, onEdit } = props;
  const found = findCategory(props.categories, draft.category);
  const home = props.homes.find((h) => h.leaseId === draft.leaseId);
  const location = draft.location.trim();
  return (
    <>
      {props.rejection && (
        <div class="problem-box" role="alert" data-testid="report-rejected">
          <p class="problem-box__title">{t("report.rejected.title")}</p>
          {props.rejection.problem.title && <p>{props.rejection.problem.title}</p>}
          {props.rejection.problem.detail && (
            <p data-testid="report-rejected-detail">{props.rejection.problem.detail}</p>
          )}
          <p>{t("report.rejected.help")}</p>
        </div>
      )}
      <p>{t("report.review.intro")}</p>
      <dl class="report-review">
        {home && props.homes.length >= 2 && (
          <Item label="report.review.home" step="area" onEdit={onEdit} testid="review-home">
            {homeLabel(home)}
          </Item>
        )}
        <Item label="report.review.area" step="area" onEdit={onEdit} testid="review-area">
          {found?.group.name ?? t("report.review.notGiven")}
        </Item>
        <Item
          label="report.review.category"
          step="category"
          onEdit={onEdit}
          testid="review-category"
        >
          {found?.category.name ?? t("report.review.notGiven")}
        </Item>
        <Item
          label="report.review.location"
          step="location"
          onEdit={onEdit}
          testid="review-location"
        >
          {location || t("report.review.notGiven")}
        </Item>
        <Item
          label="report.review.description"
          step="description"
          onEdit={onEdit}
          testid="review-description"
        >
          <span class="report-review__text">{draft.description.trim()}</span>
        </Item>
        <Item label="report.review.photos" step="photos" onEdit={onEdit} testid="review-photos">
          {draft.photos.length === 0 ? (
            t("report.review.noPhotos")
          ) : (
            <PhotoThumbs hashes={draft.photos} urls={props.photoUrls} />
          )}
        </Item>
        <Item
          label="report.review.masterKey"
          step="access"
          onEdit={onEdit}
          testid="review-masterkey"
        >
          {draft.masterKeyPermission
            ? t("report.review.masterKeyYes")
            : t("report.review.masterKeyNo")}
        </Item>
        {draft.masterKeyPermission === false && (
          <Item
            label="report.review.contactWindow"
            step="access"
            onEdit={onEdit}
            testid="review-contact-window"
          >
            {draft.contactWindow.trim()}
          </Item>
        )}
        <Item label="report.review.pets" step="access" onEdit={onEdit} testid="review-pets">
          {draft.pets ? t("report.review.petsYes") : t("report.review.petsNo")}
        </Item>
        <Item label="report.review.phone" step="access" onEdit={onEdit} testid="review-phone">
          {draft.contactPhone.trim()}
        </Item>
      </dl>
      <p class="note">{t("report.review.offlineNote")}</p>
      <div class="form__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={props.sending}
          onClick={props.onSend}
          data-testid="report-send"
        >
          {props.sending ? t("report.review.sending") : t("report.review.send")}
        </button>
      </div>
    </>
  );
}
