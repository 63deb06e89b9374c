import { useState } from "preact/hooks";
import type { Home, ResidentPrincipal } from "../../api/types";
import { ALL_HOMES, HomeChoice } from "../../components/HomeChoice";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { useRows } from "../../state/sync";
import {
  type ListedThread,
  listThreads,
  type PendingSend,
  statusName,
  type ThreadRow,
} from "./messageModel";
import "./messages.css";

/** The resident's threads: newest activity first, unread ones marked; by home for two leases. */
export function MessagesScreen({ principal }: { principal: ResidentPrincipal }) {
  const threads = useRows<ThreadRow>("thread/");
  const sends = useRows<PendingSend>("message/");
  const homes = principal.homes;
  const [filter, setFilter] = useState<string>(() => activeHome(homes)?.leaseId ?? ALL_HOMES);
  const several = homes.length > 1;
  const leaseId = several ? filter : ALL_HOMES;

  return (
    <Screen title="messages.title" heading={t("messages.title")} headingTestid="messages-heading">
      <p>
        <Link href="/messages/new" class="button button--link" testid="messages-new">
          {t("messages.newMessage")}
        </Link>
      </p>
      <HomeChoice
        homes={homes}
        id="messages-home-filter"
        allHomes
        value={filter}
        onChange={setFilter}
      />
      {threads === null || sends === null ? (
        <SyncWaiting
          loading="messages.loading"
          unavailable="messages.unavailable"
          testid="messages"
        />
      ) : (
        <ThreadList
          items={listThreads(
            threads.map((row) => row.value),
            sends.map((row) => row.value),
          ).filter((item) => leaseId === ALL_HOMES || item.leaseId === leaseId)}
          homes={several && leaseId === ALL_HOMES ? homes : null}
          filtered={leaseId !== ALL_HOMES && threads.length + sends.length > 0}
        />
      )}
    </Screen>
  );
}

function ThreadList(props: {
  items: ListedThread[];
  /** Name the home on each item (all homes shown). */
  homes: readonly Home[] | null;
  filtered: boolean;
}) {
  const lang = language.value;
  if (props.items.length === 0) {
    return (
      <p class="notice" data-testid="messages-empty">
        {props.filtered ? t("messages.emptyForHome") : t("messages.empty")}
      </p>
    );
  }
  const unread = props.items.reduce((sum, item) => sum + (item.thread?.unread ?? 0), 0);
  return (
    <>
      {unread > 0 && (
        <p data-testid="messages-unread-total">
          {tf("messages.unreadTotal", { count: String(unread) })}
        </p>
      )}
      <ul class="message-list" data-testid="messages-list">
        {props.items.map((item) => {
          const thread = item.thread;
          const home = props.homes?.find((h) => h.leaseId === item.leaseId);
          const isUnread = (thread?.unread ?? 0) > 0;
          return (
            <li
              class={isUnread ? "message-card message-card--unread" : "message-card"}
              key={item.id}
              data-testid={`messages-item-${item.id}`}
            >
              <p class="message-card__title">
                <Link href={`/messages/${item.id}`} testid={`messages-link-${item.id}`}>
                  {item.subject}
                </Link>
                {isUnread && thread && (
                  <>
                    {" "}
                    <span class="badge" data-testid={`messages-unread-${item.id}`}>
                      {tf("messages.unread", { count: String(thread.unread) })}
                    </span>
                  </>
                )}
              </p>
              <p class="message-card__meta">
                {t("messages.categoryLabel")}: {item.categoryName}
              </p>
              {home && (
                <p class="message-card__meta">
                  {t("messages.home")}: {home.address}, {home.unit}
                </p>
              )}
              {thread && (
                <p class="message-card__meta">
                  {t("messages.lastMessage")}:{" "}
                  <time dateTime={thread.lastMessageAt}>
                    {formatDateTime(thread.lastMessageAt, lang)}
                  </time>
                </p>
              )}
              <p class="message-card__meta">
                {t("messages.statusLabel")}:{" "}
                <span
                  class={thread ? "message-status" : "message-status message-status--pending"}
                  data-testid={`messages-status-${item.id}`}
                >
                  {thread ? statusName(thread) : t("messages.waitingToSend")}
                </span>
              </p>
              {item.pendingReplies > 0 && (
                <p class="message-card__meta">
                  <span class="message-status message-status--pending">
                    {t("messages.replyWaiting")}
                  </span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
