import type { Passkey } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t, tf } from "../../i18n/t";

interface Props {
  passkey: Passkey;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Confirm removing a passkey (with a warning when it is the one signed in with). */
export function SettingsRevokeDialog({ passkey, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      title={t("passkeys.revokeTitle")}
      confirmLabel={t("passkeys.revokeConfirm")}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testid="passkey-revoke"
    >
      <p>{tf("passkeys.revokeQuestion", { name: passkey.name })}</p>
      {passkey.current && <p class="notice">{t("passkeys.revokeCurrentWarning")}</p>}
    </ConfirmDialog>
  );
}
