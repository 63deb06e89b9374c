import type { ComponentChildren } from "preact";
import type { Home, ResidentPrincipal } from "../../api/types";
import { EmergencyBox } from "../../components/EmergencyBox";
import { HomeChoice } from "../../components/HomeChoice";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { PropertyRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { syncClient, useRow } from "../../state/sync";
import { PropertyContacts } from "./PropertyContacts";
import { PropertyDocuments } from "./PropertyDocuments";
import { FellBack, PropertyText, shownIn } from "./PropertyText";
import "./property.css";

/** Property information of the active home; readable from the day the lease is signed. */
export function PropertyScreen({ principal }: { principal: ResidentPrincipal }) {
  const homes = principal.homes;
  const home = activeHome(homes);
  return (
    <Screen title="property.title" heading={t("property.title")} headingTestid="property-heading">
      <HomeChoice homes={homes} id="property-home" />
      {home ? (
        <PropertyOfHome key={home.leaseId} home={home} />
      ) : (
        <p class="notice" data-testid="property-no-homes">
          {t("property.noHomes")}
        </p>
      )}
    </Screen>
  );
}

function PropertyOfHome({ home }: { home: Home }) {
  const property = useRow<PropertyRow>(`property/${home.leaseId}`);
  const firstSync = syncClient.value?.state.lastSyncedAt.value === null;
  const lang = language.value;
  const beforeStart = home.access === "before_start" && (
    <p class="notice" data-testid="property-before-start">
      {tf("property.beforeStart", { date: formatDate(home.startsOn, lang) })}
    </p>
  );
  if (property === null || (property === undefined && firstSync)) {
    return (
      <SyncWaiting
        loading="property.loading"
        unavailable="property.unavailable"
        testid="property"
      />
    );
  }
  if (property === undefined) {
    return (
      <>
        {beforeStart}
        <p class="notice" data-testid="property-missing">
          {t("property.missing")}
        </p>
      </>
    );
  }
  return (
    <>
      {beforeStart}
      <PropertyAddress property={property} />
      <EmergencyBox id="property-emergency" phone={property.emergencyPhone} />
      {property.fellBack.length > 0 && (
        <p class="notice" data-testid="property-fell-back-note">
          {t("property.fellBackNote")}
        </p>
      )}
      <PropertyContacts property={property} />
      <PropertyFacts
        heading="property.livingHeading"
        id="property-living-heading"
        property={property}
        fields={["saunaTimes", "laundryTimes", "wasteSorting"]}
      />
      <PropertyFacts
        heading="property.buildingHeading"
        id="property-building-heading"
        property={property}
        fields={["heating", "yearBuilt", "floors", "description"]}
      />
      <PropertyDocuments property={property} />
      {property.updatedAt && (
        <p class="note" data-testid="property-updated">
          {tf("property.updated", { date: formatDate(property.updatedAt, lang) })}
        </p>
      )}
    </>
  );
}

function PropertyAddress({ property }: { property: PropertyRow }) {
  const place = [property.postalCode, property.city].filter(Boolean).join(" ");
  return (
    <p class="property-address" data-testid="property-address">
      <span class="property-address__name">{property.name}</span>
      <span class="property-address__line">
        <span lang={shownIn(property, "streetAddress")}>{property.streetAddress}</span>
        <FellBack row={property} field="streetAddress" />
        {place && ", "}
        <span lang={shownIn(property, "city")}>{place}</span>
        <FellBack row={property} field="city" />
      </span>
      {property.district && (
        <span class="property-address__line">
          <span lang={shownIn(property, "district")}>{property.district}</span>
          <FellBack row={property} field="district" />
        </span>
      )}
    </p>
  );
}

type FactField = "saunaTimes" | "laundryTimes" | "wasteSorting" | "heating" | "description";

const LABELS = {
  saunaTimes: "property.saunaTimes",
  laundryTimes: "property.laundryTimes",
  wasteSorting: "property.wasteSorting",
  heating: "property.heating",
  yearBuilt: "property.yearBuilt",
  floors: "property.floors",
  description: "property.description",
} as const;

function PropertyFacts(props: {
  heading: "property.livingHeading" | "property.buildingHeading";
  id: string;
  property: PropertyRow;
  fields: ReadonlyArray<FactField | "yearBuilt" | "floors">;
}) {
  const { property } = props;
  const rows: ComponentChildren[] = [];
  for (const field of props.fields) {
    const value = property[field];
    if (value === null || value === undefined || value === "") continue;
    rows.push(
      <div key={field} data-testid={`property-${field}`}>
        <dt>{t(LABELS[field])}</dt>
        <dd>
          {typeof value === "number" ? (
            String(value)
          ) : (
            <>
              <PropertyText text={value} lang={shownIn(property, field)} />
              <FellBack row={property} field={field} />
            </>
          )}
        </dd>
      </div>,
    );
  }
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.heading)}</h2>
      <dl class="facts facts--rows property-facts">{rows}</dl>
    </section>
  );
}
