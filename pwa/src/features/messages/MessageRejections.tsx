import type { ComponentChildren } from "preact";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import type { RejectedMutation, SyncClient } from "../../offline";
import { sendArgs } from "./messageModel";

/** Rejected sendMessage mutations: why (the server's words), and what was written (kept). */
export function MessageRejections(props: {
  client: SyncClient;
  rejections: readonly RejectedMutation[];
  title: MessageKey;
  testid: string;
  /** Shown under each one, e.g. a link to edit and send again. */
  action?: ComponentChildren;
}) {
  return (
    <div role="alert" class="message-rejections">
      {props.rejections.length > 0 && (
        <ul class="plain-list message-rejections__list" data-testid={props.testid}>
          {props.rejections.map((rejection) => {
            const { subject, body } = sendArgs(rejection);
            return (
              <li class="problem-box" key={rejection.id}>
                <p class="problem-box__title">{t(props.title)}</p>
                {rejection.problem.title && <p>{rejection.problem.title}</p>}
                {rejection.problem.detail && <p>{rejection.problem.detail}</p>}
                {(subject || body) && (
                  <>
                    <p>{t("messages.textKept")}</p>
                    <blockquote class="message-rejections__text">
                      {subject && <p class="message-rejections__subject">{subject}</p>}
                      {body && <p>{body}</p>}
                    </blockquote>
                  </>
                )}
                {props.action}
                <button
                  type="button"
                  class="button"
                  onClick={() => void props.client.dismissRejected(rejection.id)}
                  data-testid={`message-rejection-dismiss-${rejection.id}`}
                >
                  {t("messages.dismiss")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
