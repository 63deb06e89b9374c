import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { t } from "../i18n/t";

interface Props {
  title: string;
  /** The question (and any warning), below the title. */
  children: ComponentChildren;
  /** The label of the (destructive) confirm button. */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Test ids `<testid>-dialog`, `<testid>-confirm` and `<testid>-cancel`. */
  testid: string;
}

/** A modal confirmation (native <dialog>: focus trap and Escape come with it). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  testid,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `${useId()}-title`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === "function") dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={`${testid}-dialog`}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div class="form__actions">
        <button
          type="button"
          class="button button--danger"
          onClick={onConfirm}
          data-testid={`${testid}-confirm`}
        >
          {confirmLabel}
        </button>
        <button type="button" class="button" onClick={onCancel} data-testid={`${testid}-cancel`}>
          {t("common.cancel")}
        </button>
      </div>
    </dialog>
  );
}
