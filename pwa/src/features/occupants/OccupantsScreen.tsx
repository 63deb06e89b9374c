import { useEffect, useRef, useState } from "preact/hooks";
import type { ResidentPrincipal } from "../../api/types";
import { HomeChoice } from "../../components/HomeChoice";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { t } from "../../i18n/t";
import type { RejectedMutation, SyncClient } from "../../offline";
import { activeHome } from "../../state/activeHome";
import { syncClient, useRows } from "../../state/sync";
import { OccupantForm } from "./OccupantForm";
import { OccupantReports, type ShownReport } from "./OccupantReports";
import { type ChangeKind, isEmpty, type OccupantChangeRow } from "./occupantModel";
import { useChangeDraft } from "./useChangeDraft";
import { useRegister } from "./useRegister";
import "./occupants.css";

const MUTATION = "reportOccupantChange";

/** Report an occupant change (main tenant): the reports made, and a form for a new one. */
export function OccupantsScreen({ principal }: { principal: ResidentPrincipal }) {
  const home = activeHome(principal.homes);
  return (
    <Screen
      title="occupants.title"
      heading={t("occupants.title")}
      headingTestid="occupants-heading"
    >
      <HomeChoice homes={principal.homes} id="occupants-home" />
      {home && home.access === "main_tenant" ? (
        <OccupantsOfHome key={home.leaseId} leaseId={home.leaseId} />
      ) : (
        <p class="notice" data-testid="occupants-not-main-tenant">
          {t("occupants.notMainTenant")}
        </p>
      )}
    </Screen>
  );
}

function argsOf(mutation: { args: Record<string, unknown> }) {
  return mutation.args as Record<string, unknown> & { leaseId?: unknown; kind?: unknown };
}

/** Reports of this home still in the outbox (queued, not rejected): "waiting to send". */
function useWaitingReports(client: SyncClient | null, leaseId: string): ShownReport[] {
  const [waiting, setWaiting] = useState<ShownReport[]>([]);
  const pendingCount = client?.state.pendingCount.value ?? 0;
  const rejected = client?.state.rejected.value;
  useEffect(() => {
    if (!client) return;
    let live = true;
    void client.db
      .getAll("outbox")
      .then((entries) => {
        if (!live) return;
        setWaiting(
          entries
            .filter(
              (e) =>
                !e.rejected &&
                e.mutation.name === MUTATION &&
                argsOf(e.mutation).leaseId === leaseId,
            )
            .reverse()
            .map((e) => {
              const { leaseId: _lease, kind, ...details } = argsOf(e.mutation);
              return {
                id: `outbox-${e.id}`,
                kind: kind as ChangeKind,
                details,
                occupantId: null,
                reportedAt: new Date(e.createdAt).toISOString(),
                status: "waiting" as const,
                reason: null,
              };
            }),
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, leaseId, pendingCount, rejected]);
  return waiting;
}

function OccupantsOfHome({ leaseId }: { leaseId: string }) {
  const client = syncClient.value;
  const rows = useRows<OccupantChangeRow>("occupantChange/");
  const waiting = useWaitingReports(client, leaseId);
  const draft = useChangeDraft(client, leaseId);
  const rejections = (client?.state.rejected.value ?? []).filter(
    (r) => r.mutation.name === MUTATION && argsOf(r.mutation).leaseId === leaseId,
  );
  const register = useRegister(leaseId);

  // A rejected report comes back into an empty form (its draft was kept).
  const restored = useRef(new Set<number>());
  useEffect(() => {
    if (!draft.loaded) return;
    const fresh = rejections.find((r) => !restored.current.has(r.id));
    if (!fresh) return;
    for (const r of rejections) restored.current.add(r.id);
    if (isEmpty(draft.form)) draft.restore(argsOf(fresh.mutation));
  });

  if (rows === null || client === null) {
    return (
      <SyncWaiting
        loading="occupants.loading"
        unavailable="occupants.unavailable"
        testid="occupants"
      />
    );
  }
  const reports: ShownReport[] = [
    ...waiting,
    ...rows
      .map((row) => row.value)
      .filter((row) => row.leaseId === leaseId)
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))
      .map((row) => ({ ...row })),
  ];
  const occupants = register.kind === "loaded" ? register.occupants : null;

  return (
    <>
      <Rejections client={client} rejections={rejections} onRestore={draft.restore} />
      <OccupantForm leaseId={leaseId} draft={draft} register={register} />
      <section aria-labelledby="occupants-reports-heading">
        <h2 id="occupants-reports-heading">{t("occupants.reportsHeading")}</h2>
        <OccupantReports reports={reports} register={occupants} />
      </section>
    </>
  );
}

function Rejections(props: {
  client: SyncClient;
  rejections: readonly RejectedMutation[];
  onRestore: (args: Record<string, unknown>) => void;
}) {
  return (
    <div role="alert" data-testid="occupant-rejections">
      {props.rejections.length > 0 && (
        <ul class="plain-list">
          {props.rejections.map((rejection) => (
            <li
              key={rejection.id}
              class="problem-box"
              data-testid={`occupant-rejection-${rejection.id}`}
            >
              <p class="problem-box__title">{t("occupants.rejected")}</p>
              {rejection.problem.title && <p>{rejection.problem.title}</p>}
              {rejection.problem.detail && <p>{rejection.problem.detail}</p>}
              <p>{t("occupants.draftKept")}</p>
              <button
                type="button"
                class="button"
                onClick={() => props.onRestore(argsOf(rejection.mutation))}
              >
                {t("occupants.restore")}
              </button>{" "}
              <button
                type="button"
                class="button"
                onClick={() => void props.client.dismissRejected(rejection.id)}
              >
                {t("occupants.dismiss")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
