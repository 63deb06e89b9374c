import { telHref } from "../../components/tel";
import { t } from "../../i18n/t";
import type { ContactRow, PropertyRow } from "../../offline/views";

function Contact(props: {
  heading: "property.maintenanceCompany" | "property.houseManager";
  contact: ContactRow;
  testid: string;
}) {
  const { contact } = props;
  return (
    <div class="property-contact" data-testid={props.testid}>
      <h3>{t(props.heading)}</h3>
      {contact.name && <p class="property-contact__name">{contact.name}</p>}
      <dl class="facts">
        {contact.phone && (
          <div>
            <dt>{t("property.phone")}</dt>
            <dd>
              <a href={telHref(contact.phone)} data-testid={`${props.testid}-phone`}>
                {contact.phone}
              </a>
            </dd>
          </div>
        )}
        {contact.email && (
          <div>
            <dt>{t("property.email")}</dt>
            <dd>
              <a href={`mailto:${contact.email}`} data-testid={`${props.testid}-email`}>
                {contact.email}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The maintenance company and the property manager: name, phone (tel:) and e-mail. */
export function PropertyContacts({ property }: { property: PropertyRow }) {
  return (
    <section aria-labelledby="property-contacts-heading">
      <h2 id="property-contacts-heading">{t("property.contactsHeading")}</h2>
      <div class="property-contacts">
        <Contact
          heading="property.maintenanceCompany"
          contact={property.maintenanceCompany}
          testid="property-maintenance"
        />
        <Contact
          heading="property.houseManager"
          contact={property.houseManager}
          testid="property-manager"
        />
      </div>
    </section>
  );
}
