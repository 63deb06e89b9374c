import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { formatDateTime } from "../../i18n/format";
import { language } from "../../state/language";
import { st, stf, stOr } from "../i18n/st";
import { deleteDocument, documentFileUrl, type StaffDocument } from "./api";
import { DocumentForm } from "./DocumentForm";
import { PdfUpload } from "./PdfUpload";

interface Props {
  propertyId: string;
  documents: StaffDocument[];
  /** After a change: reload the property, announce `message`. */
  onChanged: (message: string) => void;
}

function missingOf(doc: StaffDocument): string[] {
  return ["sv", "en"].filter((lang) => (doc.missing[lang] ?? []).length > 0);
}

function DeleteButton({ doc, onChanged }: { doc: StaffDocument; onChanged: Props["onChanged"] }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const title = doc.title.fi ?? "";
  const remove = async () => {
    const done = await action.run(async () => {
      await deleteDocument(doc.id);
      return true;
    });
    if (done) onChanged(stf("property.documents.deleted", { title }));
  };
  if (!confirming) {
    return (
      <button type="button" class="button" onClick={() => setConfirming(true)}>
        {stf("property.documents.delete", { title })}
      </button>
    );
  }
  return (
    <div>
      <ErrorAlert problem={action.problem} />
      <p>{stf("property.documents.deleteConfirm", { title })}</p>
      <button
        type="button"
        class="button button--danger"
        disabled={action.disabled}
        onClick={remove}
      >
        {st("property.documents.deleteForGood")}
      </button>{" "}
      <button type="button" class="button" onClick={() => setConfirming(false)}>
        {st("property.documents.cancel")}
      </button>
    </div>
  );
}

/** The property's documents (house rules, rescue plan…): list, delete, add a text one. */
export function PropertyDocuments({ propertyId, documents, onChanged }: Props) {
  const lang = language.value;
  return (
    <section aria-labelledby="property-documents" data-testid="property-documents">
      <h2 id="property-documents">{st("property.documents.heading")}</h2>
      {documents.length === 0 ? (
        <p class="notice">{st("property.documents.none")}</p>
      ) : (
        <table class="staff-table">
          <caption>{st("property.documents.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{st("property.documents.title")}</th>
              <th scope="col">{st("property.documents.kind")}</th>
              <th scope="col">{st("property.documents.format")}</th>
              <th scope="col">{st("property.col.missing")}</th>
              <th scope="col">{st("property.documents.updated")}</th>
              <th scope="col">{st("property.documents.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => {
              const missing = missingOf(doc);
              return (
                <tr key={doc.id} data-testid={`document-${doc.id}`}>
                  <th scope="row">
                    {doc.format === "pdf" ? (
                      <a href={documentFileUrl(doc.id)} target="_blank" rel="noopener">
                        {doc.title.fi}
                      </a>
                    ) : (
                      doc.title.fi
                    )}
                  </th>
                  <td>{stOr(`property.kind.${doc.kind}`, doc.kind)}</td>
                  <td>
                    {doc.format === "pdf"
                      ? `PDF${doc.fileName ? ` (${doc.fileName})` : ""}`
                      : st("property.documents.text")}
                  </td>
                  <td>
                    {missing.length === 0
                      ? st("property.list.complete")
                      : missing.map((code) => stOr(`property.language.${code}`, code)).join(", ")}
                  </td>
                  <td>{formatDateTime(doc.updatedAt, lang)}</td>
                  <td>
                    <PdfUpload doc={doc} onChanged={onChanged} />
                    <DeleteButton doc={doc} onChanged={onChanged} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <DocumentForm propertyId={propertyId} onCreated={onChanged} />
    </section>
  );
}
