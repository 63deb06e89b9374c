import { useState } from "preact/hooks";
import { updateMe } from "../../api/identity";
import type { ResidentPrincipal } from "../../api/types";
import { ContactForm } from "../../components/ContactForm";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { applySession } from "../../state/session";

/** Email, phone and language; saving a new language switches the UI to it. */
export function SettingsContact({ principal }: { principal: ResidentPrincipal }) {
  const action = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <ContactForm
      initial={{
        email: principal.email ?? "",
        phone: principal.phone ?? "",
        language: principal.language,
      }}
      action={action}
      submitLabel={t("settings.contactSubmit")}
      onSubmit={async (contact) => {
        setSaved(false);
        const session = await action.run(() => updateMe(contact));
        if (!session) return;
        applySession(session);
        setSaved(true);
      }}
      status={
        <p class="form__status" role="status">
          {saved && <span data-testid="contact-saved">{t("settings.saved")}</span>}
        </p>
      }
    />
  );
}
