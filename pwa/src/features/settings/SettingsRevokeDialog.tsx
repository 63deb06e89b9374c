import { useEffect, useRef } from "preact/hooks";
import type { Passkey } from "../../api/types";
import { t, tf } from "../../i18n/t";

interface Props {
  passkey: Passkey;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation (native <dialog>: focus trap and Escape come with it). */
export function SettingsRevokeDialog({ passkey, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
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
      aria-labelledby={`revoke-title-${passkey.id}`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="passkey-revoke-dialog"
    >
      <h2 id={`revoke-title-${passkey.id}`}>{t("passkeys.revokeTitle")}</h2>
      <p>{tf("passkeys.revokeQuestion", { name: passkey.name })}</p>
      {passkey.current && <p class="notice">{t("passkeys.revokeCurrentWarning")}</p>}
      <div class="form__actions">
        <button
          type="button"
          class="button button--danger"
          onClick={onConfirm}
          data-testid="passkey-revoke-confirm"
        >
          {t("passkeys.revokeConfirm")}
        </button>
        <button type="button" class="button" onClick={onCancel} data-testid="passkey-revoke-cancel">
          {t("common.cancel")}
        </button>
      </div>
    </dialog>
  );
}
