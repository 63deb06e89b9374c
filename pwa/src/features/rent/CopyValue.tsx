import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../../i18n/t";

type Outcome = "idle" | "copied" | "selected";

/** Select the text of `el` so that the resident can copy it themselves. */
function selectText(el: HTMLElement): boolean {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (!selection || typeof document === "undefined") return false;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * A payment detail to copy into the bank: the value as read, and a "Copy" button that
 * writes `copyText` (spaces removed) to the clipboard and says so; without a clipboard the
 * text is selected instead. Never logged or sent anywhere.
 */
export function CopyValue(props: {
  label: string;
  /** The button's full name, e.g. "Copy the reference number" (starts with "Copy"). */
  copyLabel: string;
  value: string;
  copyText?: string;
  testid: string;
  long?: boolean;
}) {
  const valueRef = useRef<HTMLElement>(null);
  const [outcome, setOutcome] = useState<Outcome>("idle");
  const reset = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (reset.current) clearTimeout(reset.current);
    },
    [],
  );

  function show(next: Outcome): void {
    setOutcome(next);
    if (reset.current) clearTimeout(reset.current);
    reset.current = setTimeout(() => setOutcome("idle"), 8000);
  }

  async function copy(): Promise<void> {
    const text = props.copyText ?? props.value;
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === "function") {
      try {
        await clipboard.writeText(text);
        show("copied");
        return;
      } catch {
        // refused (no permission, insecure context): fall back to selecting the text
      }
    }
    if (valueRef.current && selectText(valueRef.current)) show("selected");
  }

  return (
    <div class="rent-copy" data-testid={props.testid}>
      <dt>{props.label}</dt>
      <dd>
        <code
          ref={valueRef}
          class={props.long ? "rent-copy__value rent-copy__value--long" : "rent-copy__value"}
          data-testid={`${props.testid}-value`}
        >
          {props.value}
        </code>{" "}
        <button
          type="button"
          class="button rent-copy__button"
          aria-label={props.copyLabel}
          onClick={() => void copy()}
          data-testid={`${props.testid}-copy`}
        >
          {t("rent.copy")}
        </button>{" "}
        <span role="status" class="rent-copy__status" data-testid={`${props.testid}-status`}>
          {outcome === "copied" && `✓ ${t("rent.copied")}`}
          {outcome === "selected" && t("rent.selected")}
        </span>
      </dd>
    </div>
  );
}
