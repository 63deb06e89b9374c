import type { MessageKey } from "../../i18n/catalog";
import { formatDate, formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { language } from "../../state/language";
import {
  type ChangeKind,
  maskIdentityCodes,
  type Occupant,
  type OccupantChangeRow,
  reportDate,
} from "./occupantModel";

const KIND_TITLE: Record<ChangeKind, MessageKey> = {
  move_in: "occupants.report.move_in",
  move_out: "occupants.report.move_out",
  name_change: "occupants.report.name_change",
  birth: "occupants.report.birth",
};

const DATE_LABEL: Record<ChangeKind, MessageKey> = {
  move_in: "occupants.report.movesInOn",
  move_out: "occupants.report.movesOutOn",
  name_change: "occupants.report.effectiveOn",
  birth: "occupants.report.bornOn",
};

const STATUS: Record<string, MessageKey> = {
  pending: "occupants.status.pending",
  approved: "occupants.status.approved",
  rejected: "occupants.status.rejected",
};

/** A report not yet sent (in the outbox) or one the server has. */
export interface ShownReport {
  id: string;
  kind: ChangeKind;
  details: Record<string, unknown>;
  occupantId: string | null;
  reportedAt: string | null;
  status: OccupantChangeRow["status"] | "waiting";
  reason: string | null;
}

function personName(report: ShownReport, register: readonly Occupant[] | null): string {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const typed = `${str(report.details.firstName)} ${str(report.details.lastName)}`.trim();
  if (typed) return maskIdentityCodes(typed);
  const id = report.occupantId ?? str(report.details.occupantId);
  const known = register?.find((o) => o.id === id);
  return known ? `${known.firstName} ${known.lastName}` : t("occupants.report.someone");
}

/** The main tenant's reports, newest first, with what happened to them (in words). */
export function OccupantReports(props: {
  reports: readonly ShownReport[];
  register: readonly Occupant[] | null;
}) {
  const lang = language.value;
  if (props.reports.length === 0) {
    return <p data-testid="occupants-no-reports">{t("occupants.noReports")}</p>;
  }
  return (
    <ul class="plain-list occupant-reports" data-testid="occupants-reports">
      {props.reports.map((report) => {
        const date = reportDate(report.details);
        const status =
          report.status === "waiting"
            ? t("occupants.status.waiting")
            : t(STATUS[report.status] ?? "occupants.status.pending");
        return (
          <li
            key={report.id}
            class="card occupant-report"
            data-testid={`occupant-report-${report.id}`}
          >
            <p class="occupant-report__title">
              <strong>{t(KIND_TITLE[report.kind] ?? "occupants.report.other")}</strong>:{" "}
              {personName(report, props.register)}
            </p>
            {date && (
              <p class="occupant-report__meta">
                {tf(DATE_LABEL[report.kind] ?? "occupants.report.movesInOn", {
                  date: formatDate(date, lang),
                })}
              </p>
            )}
            {report.reportedAt && (
              <p class="occupant-report__meta">
                {tf("occupants.report.reportedAt", { date: formatDay(report.reportedAt, lang) })}
              </p>
            )}
            <p class="occupant-report__meta">
              {t("occupants.statusLabel")}:{" "}
              <strong
                class={`occupant-status occupant-status--${report.status}`}
                data-testid={`occupant-report-status-${report.id}`}
              >
                {status}
              </strong>
            </p>
            {report.status === "rejected" && report.reason && (
              <p data-testid={`occupant-report-reason-${report.id}`}>
                {tf("occupants.report.reason", { reason: report.reason })}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
