import { t, tf } from "../../i18n/t";
import type { PropertyRow } from "../../offline/views";
import { PlainText } from "../news/NewsText";
import { FellBack, shownIn } from "./PropertyText";

/** A document of the building (backend/property/schemas.py DocumentOut). */
export interface PropertyDocument {
  id: string;
  kind: "house_rules" | "rescue_plan" | "other" | string;
  title: string;
  format: "text" | "pdf" | string;
  /** The text of a text document (plain text); null for a PDF. */
  text: string | null;
  fileUrl: string | null;
  updatedAt: string;
  /** "title", "text": shown in Finnish because the language was missing. */
  fellBack: string[];
  language?: string;
}

const KINDS = {
  house_rules: "property.kind_house_rules",
  rescue_plan: "property.kind_rescue_plan",
  other: "property.kind_other",
} as const;

/** Where a PDF document is downloaded (the server's file route for this home). */
export function documentFileUrl(leaseId: string, documentId: string): string {
  return `/api/homes/${encodeURIComponent(leaseId)}/property/documents/${encodeURIComponent(documentId)}/file`;
}

function kindName(kind: string): string {
  return t(KINDS[kind as keyof typeof KINDS] ?? KINDS.other);
}

function DocumentItem({ property, doc }: { property: PropertyRow; doc: PropertyDocument }) {
  const localized = { language: property.language, fellBack: doc.fellBack ?? [] };
  const titleLang = shownIn(localized, "title");
  const title = (
    <>
      <span lang={titleLang}>{doc.title}</span>
      <FellBack row={localized} field="title" />
    </>
  );
  return (
    <li class="property-document" data-testid={`property-document-${doc.id}`}>
      <h3 class="property-document__title">{title}</h3>
      <p class="property-document__kind">{kindName(doc.kind)}</p>
      {doc.format === "pdf" || doc.fileUrl ? (
        <p>
          <a
            href={documentFileUrl(property.leaseId, doc.id)}
            type="application/pdf"
            data-testid={`property-document-file-${doc.id}`}
          >
            {tf("property.openPdf", { title: doc.title })}
          </a>
        </p>
      ) : (
        doc.text && (
          <details class="property-document__text">
            <summary>{tf("property.readText", { title: doc.title })}</summary>
            <PlainText text={doc.text} lang={shownIn(localized, "text")} />
            <FellBack row={localized} field="text" />
          </details>
        )
      )}
    </li>
  );
}

/** House rules, rescue plan and other documents: a PDF to open or a text to read. */
export function PropertyDocuments({ property }: { property: PropertyRow }) {
  const documents = (property.documents ?? []) as PropertyDocument[];
  return (
    <section aria-labelledby="property-documents-heading">
      <h2 id="property-documents-heading">{t("property.documentsHeading")}</h2>
      {documents.length === 0 ? (
        <p data-testid="property-no-documents">{t("property.noDocuments")}</p>
      ) : (
        <ul class="property-documents" data-testid="property-documents">
          {documents.map((doc) => (
            <DocumentItem key={doc.id} property={property} doc={doc} />
          ))}
        </ul>
      )}
    </section>
  );
}
