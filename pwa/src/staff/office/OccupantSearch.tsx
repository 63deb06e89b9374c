import { useRef, useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st, stf } from "../i18n/st";
import { findOccupants, MAX_MATCHES, MIN_QUERY, type OccupantMatch } from "./api";

interface Props {
  /** The people found (null before the first search). */
  onResults(results: OccupantMatch[] | null): void;
}

/** Search by name or address; the text stays in the form (not in the URL: it names a
 * person, and a URL ends up in histories and logs). */
export function OccupantSearch({ onResults }: Props) {
  const action = useAction();
  const [q, setQ] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const [line, setLine] = useState("");
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const text = q.trim();
    if (text.length < MIN_QUERY) {
      setTooShort(true);
      form.current?.querySelector("input")?.focus();
      return;
    }
    setTooShort(false);
    setLine(st("office.search.searching"));
    const found = await action.run(() => findOccupants(text));
    if (found === undefined) {
      setLine("");
      return;
    }
    onResults(found);
    setLine(
      found.length === 0
        ? st("office.search.none")
        : found.length === 1
          ? st("office.search.foundOne")
          : found.length >= MAX_MATCHES
            ? stf("office.search.many", { count: String(found.length) })
            : stf("office.search.found", { count: String(found.length) }),
    );
  }

  return (
    <search>
      <form class="staff-office-search" noValidate onSubmit={submit} ref={form}>
        <ErrorAlert problem={action.problem} />
        <div class="staff-search">
          <TextField
            label={st("office.search.label")}
            hint={st("office.search.hint")}
            value={q}
            onInput={setQ}
            maxLength={100}
            autocomplete="off"
            error={tooShort ? st("office.search.tooShort") : undefined}
            testid="office-search"
          />
          <button
            type="submit"
            class="button button--primary"
            disabled={action.disabled}
            data-testid="office-search-submit"
          >
            {st("office.search.submit")}
          </button>
        </div>
        <p role="status" class="staff-small" data-testid="office-search-status">
          {line}
        </p>
      </form>
    </search>
  );
}
