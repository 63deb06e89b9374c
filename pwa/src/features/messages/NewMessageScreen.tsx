import { useState } from "preact/hooks";
import type { Home, ResidentPrincipal } from "../../api/types";
import { FieldFrame, TextAreaField, TextField } from "../../components/FormField";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { t, tf } from "../../i18n/t";
import type { MessageCategory } from "../../offline/protocol.gen";
import { activeHome } from "../../state/activeHome";
import { navigate } from "../../state/route";
import { syncClient } from "../../state/sync";
import { MessageRejections } from "./MessageRejections";
import {
  categoryName,
  GENERAL_CATEGORIES,
  LIMITS,
  mainTenantOnly,
  rejectionsFor,
  SERVICE_REQUESTS,
} from "./messageModel";
import { useMessageDraft } from "./useMessageDraft";
import "./messages.css";

export const NEW_THREAD_DRAFT = "messageThread";

export interface NewThreadDraft {
  leaseId: string;
  category: string;
  subject: string;
  body: string;
}

const EMPTY: NewThreadDraft = { leaseId: "", category: "", subject: "", body: "" };

function isNewThreadDraft(value: unknown): value is NewThreadDraft {
  const v = value as Partial<NewThreadDraft> | null;
  return (
    typeof v?.leaseId === "string" &&
    typeof v.category === "string" &&
    typeof v.subject === "string" &&
    typeof v.body === "string"
  );
}

function isEmpty(value: NewThreadDraft): boolean {
  return value.subject === "" && value.body === "" && value.category === "";
}

type Errors = Partial<Record<"category" | "subject" | "body", string>>;

/** A new message or service request: kept as a draft while typed, queued with sendMessage. */
export function NewMessageScreen({ principal }: { principal: ResidentPrincipal }) {
  const client = syncClient.value;
  // Threads are for homes whose lease has started (backend/messages/access.py active_home).
  const homes = principal.homes.filter((home) => home.access !== "before_start");
  const draft = useMessageDraft(client, NEW_THREAD_DRAFT, EMPTY, isNewThreadDraft, isEmpty);
  const [errors, setErrors] = useState<Errors>({});
  const fallback = activeHome(homes)?.leaseId ?? homes[0]?.leaseId ?? "";
  const value = draft.value;
  const home =
    homes.find((h) => h.leaseId === value.leaseId) ?? homes.find((h) => h.leaseId === fallback);

  if (client === null) {
    return (
      <Screen title="messages.newTitle" heading={t("messages.newTitle")}>
        <SyncWaiting
          loading="messages.loading"
          unavailable="messages.unavailable"
          testid="new-message"
        />
      </Screen>
    );
  }
  const rejected = rejectionsFor(client.state.rejected.value, draft.id).created;

  function change(fields: Partial<NewThreadDraft>) {
    draft.update({ ...value, leaseId: home?.leaseId ?? "", ...fields });
    const cleared = { ...errors };
    for (const name of Object.keys(fields)) delete cleared[name as keyof Errors];
    setErrors(cleared);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!client || !home) return;
    const subject = value.subject.trim();
    const body = value.body.trim();
    const found: Errors = {};
    if (!allowed(home).includes(value.category as MessageCategory)) {
      found.category = t("messages.categoryRequired");
    }
    if (subject === "") found.subject = t("messages.subjectRequired");
    if (body === "") found.body = t("messages.bodyRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    for (const rejection of rejected) await client.dismissRejected(rejection.id);
    const id = await draft.send((threadId) => ({
      leaseId: home.leaseId,
      category: value.category,
      subject,
      body,
      id: threadId,
    }));
    navigate(`/messages/${id}`);
  }

  return (
    <Screen
      title="messages.newTitle"
      heading={t("messages.newTitle")}
      headingTestid="new-message-heading"
    >
      <p>
        <Link href="/messages" testid="new-message-back">
          {t("messages.back")}
        </Link>
      </p>
      {home === undefined ? (
        <p class="notice" data-testid="new-message-no-home">
          {t("messages.noHome")}
        </p>
      ) : (
        <>
          <MessageRejections
            client={client}
            rejections={rejected}
            title="messages.rejectedNew"
            testid="new-message-rejections"
          />
          <form class="form" noValidate onSubmit={submit} data-testid="new-message-form">
            {Object.keys(errors).length > 0 && (
              <p class="field__error" role="alert">
                {t("messages.fixErrors")}
              </p>
            )}
            {homes.length > 1 && (
              <HomeField
                homes={homes}
                value={home.leaseId}
                onChange={(leaseId) => change({ leaseId })}
              />
            )}
            <CategoryField
              home={home}
              value={value.category}
              error={errors.category}
              onChange={(category) => change({ category })}
            />
            <TextField
              label={t("messages.subjectField")}
              hint={tf("messages.subjectHint", { max: String(LIMITS.subject) })}
              error={errors.subject}
              value={value.subject}
              onInput={(subject) => change({ subject })}
              required
              maxLength={LIMITS.subject}
              testid="new-message-subject"
            />
            <TextAreaField
              inputClass="message-textarea"
              label={t("messages.bodyField")}
              hint={tf("messages.bodyHint", { max: String(LIMITS.body) })}
              error={errors.body}
              value={value.body}
              onInput={(body) => change({ body })}
              required
              maxLength={LIMITS.body}
              rows={8}
              testid="new-message-body"
            />
            <p class="field__hint">{t("messages.draftKept")}</p>
            <div class="form__actions">
              <button
                type="submit"
                class="button button--primary"
                disabled={!draft.loaded}
                data-testid="new-message-send"
              >
                {t("messages.send")}
              </button>
            </div>
          </form>
        </>
      )}
    </Screen>
  );
}

/** The categories this home's resident may use (main tenants: all). */
function allowed(home: Home): MessageCategory[] {
  return [...GENERAL_CATEGORIES, ...SERVICE_REQUESTS].filter(
    (category) => home.access === "main_tenant" || !mainTenantOnly(category),
  );
}

function HomeField(props: {
  homes: readonly Home[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <FieldFrame label={t("messages.homeField")}>
      {({ id, describedBy }) => (
        <select
          id={id}
          class="field__input"
          value={props.value}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          data-testid="new-message-home"
        >
          {props.homes.map((home) => (
            <option key={home.leaseId} value={home.leaseId}>
              {home.address}, {home.unit}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

function CategoryField(props: {
  home: Home;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const choices = allowed(props.home);
  const general = GENERAL_CATEGORIES.filter((c) => choices.includes(c));
  const service = SERVICE_REQUESTS.filter((c) => choices.includes(c));
  return (
    <FieldFrame
      label={t("messages.categoryField")}
      hint={props.home.access === "main_tenant" ? undefined : t("messages.categoryHint")}
      error={props.error}
    >
      {({ id, describedBy }) => (
        <select
          id={id}
          class="field__input"
          value={choices.includes(props.value as MessageCategory) ? props.value : ""}
          required
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          data-testid="new-message-category"
        >
          <option value="">{t("messages.chooseCategory")}</option>
          <optgroup label={t("messages.generalGroup")}>
            {general.map((code) => (
              <option key={code} value={code}>
                {categoryName(code)}
              </option>
            ))}
          </optgroup>
          {service.length > 0 && (
            <optgroup label={t("messages.serviceGroup")}>
              {service.map((code) => (
                <option key={code} value={code}>
                  {categoryName(code)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      )}
    </FieldFrame>
  );
}
