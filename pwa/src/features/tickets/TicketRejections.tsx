import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import type { RejectedMutation, SyncClient } from "../../offline";

const TITLES: Record<string, MessageKey> = {
  addTicketComment: "tickets.rejectedComment",
  cancelTicket: "tickets.rejectedCancel",
  rateTicket: "tickets.rejectedRate",
  reopenTicket: "tickets.rejectedReopen",
  addTicketPhoto: "tickets.rejectedPhoto",
};

/** The text a rejected mutation carried (kept as a draft too), if any. */
export function rejectedText(rejection: RejectedMutation): string {
  const { args } = rejection.mutation;
  for (const field of ["text", "reason", "comment"]) {
    const value = (args as Record<string, unknown>)[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return "";
}

/** This ticket's rejected mutations (of `names`), each with the server's reason. */
export function rejectionsFor(
  rejected: readonly RejectedMutation[],
  ticketId: string,
  names: readonly string[],
): RejectedMutation[] {
  return rejected.filter(
    (r) =>
      names.includes(r.mutation.name) &&
      (r.mutation.args as Record<string, unknown>).ticketId === ticketId,
  );
}

/** Rejections shown near their form: why, and what the resident wrote (kept). */
export function TicketRejections(props: {
  client: SyncClient;
  rejections: readonly RejectedMutation[];
  testid: string;
}) {
  return (
    <div role="alert" class="ticket-rejections">
      {props.rejections.length > 0 && (
        <ul class="plain-list ticket-rejections__list" data-testid={props.testid}>
          {props.rejections.map((rejection) => {
            const text = rejectedText(rejection);
            return (
              <li
                class="problem-box"
                key={rejection.id}
                data-testid={`ticket-rejection-${rejection.id}`}
              >
                <p class="problem-box__title">
                  {t(TITLES[rejection.mutation.name] ?? "tickets.rejectedOther")}
                </p>
                {rejection.problem.title && <p>{rejection.problem.title}</p>}
                {rejection.problem.detail && <p>{rejection.problem.detail}</p>}
                {text && (
                  <>
                    <p>{t("tickets.textKept")}</p>
                    <blockquote class="ticket-rejections__text">{text}</blockquote>
                  </>
                )}
                <button
                  type="button"
                  class="button"
                  onClick={() => void props.client.dismissRejected(rejection.id)}
                  data-testid={`ticket-rejection-dismiss-${rejection.id}`}
                >
                  {t("tickets.dismiss")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
