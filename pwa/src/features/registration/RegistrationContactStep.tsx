import { submitContact } from "../../api/identity";
import type { RegistrationState } from "../../api/types";
import { ContactForm } from "../../components/ContactForm";
import { Screen } from "../../components/Screen";
import { useAction } from "../../components/useAction";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { language } from "../../state/language";

interface Props {
  state: RegistrationState;
  onState: (state: RegistrationState) => void;
}

/** Identified: confirm email, phone and language (prefilled from the register). */
export function RegistrationContactStep({ state, onState }: Props) {
  const action = useAction();
  const lang = language.value;
  const startDates =
    state.outcome === "before_start"
      ? state.homes.filter((home) => home.access === "before_start").map((home) => home.startsOn)
      : [];
  return (
    <Screen title="continue.contactTitle" heading={t("continue.contactHeading")}>
      {state.person && (
        <p class="lead" data-testid="registration-person">
          {tf("continue.identifiedAs", { name: state.person.firstName })}
        </p>
      )}
      {startDates.map((date) => (
        <p class="notice" key={date} data-testid="lease-starts">
          {tf("continue.leaseStarts", { date: formatDate(date, lang) })}
        </p>
      ))}
      <p>{t("continue.contactIntro")}</p>
      <ContactForm
        initial={state.contact ?? { email: "", phone: "", language: lang }}
        action={action}
        submitLabel={t("continue.contactSubmit")}
        onSubmit={async (contact) => {
          const next = await action.run(() => submitContact(contact));
          if (next) onState(next);
        }}
      />
    </Screen>
  );
}
