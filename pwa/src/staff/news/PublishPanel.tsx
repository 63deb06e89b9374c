import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf } from "../i18n/st";
import { deleteNews, expireNews, publishNews, type StaffNews } from "./api";
import { fromLocalInput, toLocalInput } from "./localTime";

interface Props {
  news: StaffNews;
  onChanged: (news: StaffNews, message: string) => void;
  onDeleted: () => void;
}

/** Publish now or at a time, take down, delete: what the item's status allows. */
export function PublishPanel({ news, onChanged, onDeleted }: Props) {
  const lang = language.value;
  const action = useAction();
  const [at, setAt] = useState(news.status === "scheduled" ? toLocalInput(news.publishAt) : "");
  const [confirming, setConfirming] = useState(false);
  const editable = news.status === "draft" || news.status === "scheduled";

  const publishNow = async () => {
    const done = await action.run(() => publishNews(news.id, null));
    if (done) onChanged(done, st("news.publish.publishedNow"));
  };
  const schedule = async (event: Event) => {
    event.preventDefault();
    const moment = fromLocalInput(at);
    if (!moment) return;
    const done = await action.run(() => publishNews(news.id, moment));
    if (done) onChanged(done, st("news.publish.scheduledDone"));
  };
  const expire = async () => {
    const done = await action.run(() => expireNews(news.id));
    if (done) onChanged(done, st("news.publish.expiredDone"));
  };
  const remove = async () => {
    const done = await action.run(async () => {
      await deleteNews(news.id);
      return true;
    });
    if (done) onDeleted();
  };

  return (
    <section aria-labelledby="news-publish" data-testid="news-publish">
      <h2 id="news-publish">{st("news.publish.heading")}</h2>
      <p data-testid="news-status">
        {st(`news.status.${news.status}`)}
        {news.publishAt && news.status !== "draft" && (
          <>
            {" – "}
            {stf("news.publish.at", { time: formatDateTime(news.publishAt, lang) })}
          </>
        )}
      </p>
      <ErrorAlert problem={action.problem} />
      {editable && (
        <>
          <p class="staff-small">{st("news.publish.savedVersionNote")}</p>
          <p>
            <button
              type="button"
              class="button button--primary"
              disabled={action.disabled}
              onClick={publishNow}
            >
              {st("news.publish.now")}
            </button>
          </p>
          <form class="form" onSubmit={schedule}>
            <FieldFrame
              label={st("news.publish.atLabel")}
              hint={st("news.publish.atHint")}
              error={action.problem?.fieldError("at")}
            >
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="datetime-local"
                  class="field__input"
                  required
                  value={at}
                  onInput={(e) => setAt(e.currentTarget.value)}
                  aria-describedby={describedBy}
                  data-testid="news-publish-at"
                />
              )}
            </FieldFrame>
            <div class="form__actions">
              <button type="submit" class="button" disabled={action.disabled}>
                {st("news.publish.schedule")}
              </button>
            </div>
          </form>
          {confirming ? (
            <div class="staff-highlight" data-testid="news-delete-confirm">
              <p>{st("news.publish.deleteConfirm")}</p>
              <p class="form__actions">
                <button
                  type="button"
                  class="button button--danger"
                  disabled={action.disabled}
                  onClick={remove}
                >
                  {st("news.publish.deleteForGood")}
                </button>
                <button type="button" class="button" onClick={() => setConfirming(false)}>
                  {st("news.publish.cancel")}
                </button>
              </p>
            </div>
          ) : (
            <p>
              <button type="button" class="button" onClick={() => setConfirming(true)}>
                {st("news.publish.delete")}
              </button>
            </p>
          )}
        </>
      )}
      {news.status === "published" && (
        <>
          <p class="staff-small">{st("news.publish.expireHint")}</p>
          <button type="button" class="button" disabled={action.disabled} onClick={expire}>
            {st("news.publish.expire")}
          </button>
        </>
      )}
      {news.status === "expired" && <p class="staff-small">{st("news.publish.expiredNote")}</p>}
    </section>
  );
}
