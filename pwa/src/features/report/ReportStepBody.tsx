import type { ResidentPrincipal } from "../../api/types";
import type { RejectedMutation } from "../../offline";
import type { SyncClient } from "../../offline/sync";
import type { CategoriesRow } from "../../offline/views";
import type { FieldErrors, ReportDraft, StepName } from "./draft";
import { ReportPhotosStep } from "./ReportPhotos";
import { ReportReview } from "./ReportReview";
import {
  AccessStep,
  AreaStep,
  CategoryStep,
  DescriptionStep,
  errorText,
  LocationStep,
} from "./ReportSteps";

export interface StepBodyProps {
  step: StepName;
  draft: ReportDraft;
  errors: FieldErrors;
  client: SyncClient;
  homes: ResidentPrincipal["homes"];
  categories: CategoriesRow | null | undefined;
  photoUrls: Record<string, string>;
  rejection: RejectedMutation | null;
  sending: boolean;
  update: (change: Partial<ReportDraft>) => void;
  forgetPhotos: (hashes: readonly string[]) => Promise<void>;
  onEdit: (step: StepName) => void;
  onSend: () => void;
}

/** The form of one step of the wizard (after the emergency check). */
export function StepBody(props: StepBodyProps) {
  const { draft, errors, update } = props;
  switch (props.step) {
    case "area":
      return (
        <AreaStep
          draft={draft}
          errors={errors}
          update={update}
          homes={props.homes}
          categories={props.categories}
        />
      );
    case "category":
      return (
        <CategoryStep draft={draft} errors={errors} update={update} categories={props.categories} />
      );
    case "location":
      return <LocationStep draft={draft} errors={errors} update={update} />;
    case "description":
      return <DescriptionStep draft={draft} errors={errors} update={update} />;
    case "photos":
      return (
        <ReportPhotosStep
          client={props.client}
          photos={draft.photos}
          urls={props.photoUrls}
          onChange={(photos) => update({ photos })}
          onRemoved={(sha) => void props.forgetPhotos([sha])}
          error={errorText(errors.photos)}
        />
      );
    case "access":
      return <AccessStep draft={draft} errors={errors} update={update} />;
    case "review":
      return (
        <ReportReview
          draft={draft}
          homes={props.homes}
          categories={props.categories}
          photoUrls={props.photoUrls}
          rejection={props.rejection}
          sending={props.sending}
          onEdit={props.onEdit}
          onSend={props.onSend}
        />
      );
    default:
      return null;
  }
}
