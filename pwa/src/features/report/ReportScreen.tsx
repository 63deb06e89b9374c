import "./report.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { ProblemError } from "../../api/client";
import type { ResidentPrincipal } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import type { MessageKey } from "../../i18n/catalog";
import { t, tf } from "../../i18n/t";
import type { RejectedMutation } from "../../offline";
import type { SyncClient } from "../../offline/sync";
import type { CategoriesRow, PropertyRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { navigate } from "../../state/route";
import { syncClient, useRow } from "../../state/sync";
import {
  type FieldErrors,
  firstInvalidStep,
  newDraft,
  STEPS,
  type StepName,
  stepNumber,
  ticketArgs,
  validateStep,
} from "./draft";
import { ReportDiscardDialog, ReportDraftsNotice } from "./ReportDrafts";
import { usePhotoUrls } from "./ReportPhotos";
import { StepBody } from "./ReportStepBody";
import { EmergencyCall } from "./ReportSteps";
import { type ReportDrafts, useReportDrafts } from "./useReportDrafts";

const HEADINGS: Record<StepName, MessageKey> = {
  emergency: "report.emergency.heading",
  area: "report.area.heading",
  category: "report.category.heading",
  location: "report.location.heading",
  description: "report.description.heading",
  photos: "report.photos.heading",
  access: "report.access.heading",
  review: "report.review.heading",
};

/** The defect notification wizard: emergency check first, then the form, a step at a time. */
export function ReportScreen({ principal }: { principal: ResidentPrincipal }) {
  const client = syncClient.value;
  const drafts = useReportDrafts(client);
  return (
    <Screen title="report.title" heading={t("report.heading")}>
      {client && drafts.loaded ? (
        <ReportWizard principal={principal} client={client} drafts={drafts} />
      ) : (
        <SyncWaiting loading="common.loading" unavailable="report.unavailable" testid="report" />
      )}
    </Screen>
  );
}

/** The newest rejection of this draft's createTicket, if the server refused it. */
function rejectionOf(rejected: readonly RejectedMutation[], id: string): RejectedMutation[] {
  return rejected
    .filter((r) => r.mutation.name === "createTicket" && r.mutation.args.id === id)
    .sort((a, b) => b.id - a.id);
}

interface WizardProps {
  principal: ResidentPrincipal;
  client: SyncClient;
  drafts: ReportDrafts;
}

function ReportWizard({ principal, client, drafts }: WizardProps) {
  const homes = principal.homes.filter((home) => home.access !== "before_start");
  const homeIds = homes.map((home) => home.leaseId);
  const active = activeHome(principal.homes);
  const defaultLease =
    active && homeIds.includes(active.leaseId) ? active.leaseId : (homeIds[0] ?? null);
  const current = drafts.current;
  const draft = current?.draft ?? null;

  const categories = useRow<CategoriesRow>("ticketCategories");
  const profile = useRow<{ phone?: string | null }>("profile");
  const emergencyLease = draft?.leaseId ?? active?.leaseId ?? "-";
  const property = useRow<PropertyRow>(`property/${emergencyLease}`);
  const photoUrls = usePhotoUrls(client, draft?.photos ?? []);
  const rejections = current ? rejectionOf(client.state.rejected.value, current.id) : [];
  const rejection = rejections[0] ?? null;

  const [urgent, setUrgent] = useState(false);
  const [localStep, setLocalStep] = useState<StepName>("emergency");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [errorFocus, setErrorFocus] = useState(0);
  const [fromReview, setFromReview] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const sendingNow = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);

  // Before a draft exists the wizard is at the emergency check; then the draft keeps the step.
  const step: StepName = draft ? draft.step : localStep;

  // A refused notification opens at the review step, with the reason.
  useEffect(() => {
    if (rejection && draft && draft.step !== "review") drafts.update({ step: "review" });
  }, [current?.id, rejection?.id]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step, urgent, current?.id]);

  useEffect(() => {
    if (errorFocus === 0) return;
    section.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorFocus]);

  if (homes.length === 0) {
    return <p class="notice">{t("report.noHomes")}</p>;
  }

  function goTo(next: StepName, withErrors: FieldErrors = {}) {
    setErrors(withErrors);
    setProblem(null);
    if (drafts.current) {
      drafts.update({ step: next });
      void drafts.flush();
    } else {
      setLocalStep(next);
    }
  }

  function notUrgent() {
    setUrgent(false);
    if (drafts.current) goTo("area");
    else {
      const phone = profile?.phone || principal.phone || "";
      drafts.start(newDraft(defaultLease, phone));
      setErrors({});
    }
  }

  function next() {
    if (!draft) return;
    const found = validateStep(step, draft, homeIds, categories);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setErrorFocus((n) => n + 1);
      return;
    }
    let target: StepName = STEPS[STEPS.indexOf(step) + 1] ?? "review";
    if (fromReview) {
      // Back to the review, unless the change left a later answer to give (a new area).
      target = firstInvalidStep(draft, homeIds, categories)?.step ?? "review";
    }
    if (target === "review") setFromReview(false);
    goTo(target);
  }

  function back() {
    const index = STEPS.indexOf(step);
    setFromReview(false);
    goTo(STEPS[Math.max(0, index - 1)] ?? "emergency");
  }

  function edit(target: StepName) {
    setFromReview(true);
    goTo(target);
  }

  async function send() {
    if (!current || !draft || sendingNow.current) return;
    const invalid = firstInvalidStep(draft, homeIds, categories);
    if (invalid) {
      setFromReview(true);
      goTo(invalid.step, invalid.errors);
      setErrorFocus((n) => n + 1);
      return;
    }
    sendingNow.current = true;
    setSending(true);
    setProblem(null);
    const id = current.id;
    try {
      drafts.update({ sentAt: Date.now() });
      await drafts.flush();
      // A new attempt replaces the refused one(s).
      for (const old of rejections) await client.dismissRejected(old.id);
      await client.mutate("createTicket", { ...ticketArgs(id, draft) }, id);
      navigate(`/tickets/${id}`);
    } catch {
      sendingNow.current = false;
      drafts.update({ sentAt: null });
      setProblem(
        new ProblemError({
          type: "about:blank#draft-storage",
          title: t("errors.unexpected.title"),
          detail: t("report.errors.sendFailed"),
          status: 0,
        }),
      );
      setSending(false);
    }
  }

  async function confirmDiscard() {
    const id = discarding;
    setDiscarding(null);
    if (!id) return;
    const wasCurrent = id === drafts.current?.id;
    await drafts.discard(id);
    setAnnouncement(t("report.drafts.discarded"));
    if (wasCurrent) {
      setErrors({});
      setFromReview(false);
      setLocalStep("emergency");
    }
  }

  const count = tf("report.stepOf", { n: String(stepNumber(step)), total: String(STEPS.length) });
  const headingKey: MessageKey = urgent ? "report.emergency.callHeading" : HEADINGS[step];

  return (
    <>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <ReportDraftsNotice
        current={current}
        restored={drafts.restored}
        others={drafts.others}
        categories={categories}
        onDiscard={setDiscarding}
        onContinue={(id) => {
          setErrors({});
          setFromReview(false);
          setUrgent(false);
          void drafts.switchTo(id);
        }}
      />
      <section
        class={urgent ? "report-step report-step--urgent" : "report-step"}
        aria-labelledby="report-step-heading"
        ref={section}
        data-testid={`report-step-${urgent ? "urgent" : step}`}
      >
        <h2 id="report-step-heading" ref={heading} tabIndex={-1} class="report-step__heading">
          <span class="report-step__count" data-testid="report-step-count">
            {count}
          </span>{" "}
          <span>{t(headingKey)}</span>
        </h2>
        {urgent ? (
          <>
            <EmergencyCall phone={property?.emergencyPhone ?? null} />
            <div class="form__actions">
              <button
                type="button"
                class="button"
                onClick={notUrgent}
                data-testid="report-not-urgent"
              >
                {t("report.emergency.notUrgent")}
              </button>
            </div>
          </>
        ) : step === "emergency" || !draft ? (
          <>
            <p class="lead">{t("report.emergency.question")}</p>
            <div class="form__actions">
              <button
                type="button"
                class="button button--danger"
                onClick={() => setUrgent(true)}
                data-testid="report-urgent-yes"
              >
                {t("report.emergency.yes")}
              </button>
              <button
                type="button"
                class="button button--primary"
                onClick={notUrgent}
                data-testid="report-urgent-no"
              >
                {t("report.emergency.no")}
              </button>
            </div>
          </>
        ) : (
          <StepBody
            step={step}
            draft={draft}
            errors={errors}
            client={client}
            homes={homes}
            categories={categories}
            photoUrls={photoUrls}
            rejection={rejection}
            sending={sending}
            update={drafts.update}
            forgetPhotos={drafts.forgetPhotos}
            onEdit={edit}
            onSend={() => void send()}
          />
        )}
        {!urgent && draft && step !== "emergency" && (
          <div class="form__actions report-nav">
            <button type="button" class="button" onClick={back} data-testid="report-back">
              {t("report.back")}
            </button>
            {step !== "review" && (
              <button
                type="button"
                class="button button--primary"
                onClick={next}
                data-testid="report-next"
              >
                {fromReview ? t("report.backToReview") : t("report.next")}
              </button>
            )}
          </div>
        )}
        <ErrorAlert problem={problem} />
      </section>
      {draft && <p class="note">{t("report.savedLocally")}</p>}
      {discarding && (
        <ReportDiscardDialog
          onConfirm={() => void confirmDiscard()}
          onCancel={() => setDiscarding(null)}
        />
      )}
    </>
  );
}
