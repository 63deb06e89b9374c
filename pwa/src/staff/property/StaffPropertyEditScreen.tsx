import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { st } from "../i18n/st";
import type { StaffScreenProps } from "../shell/routeTypes";
import { StaffScreen } from "../shell/StaffScreen";
import { useLoad } from "../shell/useLoad";
import { getProperty } from "./api";
import { PropertyDocuments } from "./PropertyDocuments";
import { PropertyForm } from "./PropertyForm";
import "./property.css";

/** /staff/property/<id>: the building's texts per language (with the Finnish fallback shown
 * where Swedish or English is missing), its facts and documents. */
export function StaffPropertyEditScreen({ params }: StaffScreenProps) {
  const id = params[0] ?? "";
  const load = useLoad(() => getProperty(id), [id]);
  const [message, setMessage] = useState("");
  const property = load.data;
  return (
    <StaffScreen
      title="property.editor.title"
      heading={property?.name ?? st("property.editor.title")}
      headingTestid="property-heading"
    >
      <p>
        <Link href="/staff/property">{st("property.editor.back")}</Link>
      </p>
      <p role="status" data-testid="property-message">
        {load.status === "loading" && !property ? st("property.loading") : message}
      </p>
      {load.status === "failed" && (
        <>
          <ErrorAlert problem={load.problem} />
          <button type="button" class="button" onClick={load.reload}>
            {st("property.tryAgain")}
          </button>
        </>
      )}
      {property && (
        <>
          <PropertyForm
            property={property}
            onSaved={(saved, text) => {
              load.set(saved);
              setMessage(text);
            }}
          />
          <PropertyDocuments
            propertyId={property.id}
            documents={property.documents}
            onChanged={(text) => {
              setMessage(text);
              load.reload();
            }}
          />
        </>
      )}
    </StaffScreen>
  );
}
