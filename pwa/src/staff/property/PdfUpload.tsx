import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FieldFrame } from "../../components/FormField";
import { useAction } from "../../components/useAction";
import { st, stf } from "../i18n/st";
import type { StaffDocument } from "./api";
import { uploadDocumentPdf } from "./upload";

/** Upload (or replace) a document's PDF; a PDF replaces the document's text. */
export function PdfUpload({
  doc,
  onChanged,
}: {
  doc: StaffDocument;
  onChanged: (message: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const title = doc.title.fi ?? "";
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    const done = await action.run(() => uploadDocumentPdf(doc.id, file));
    if (done) onChanged(stf("property.documents.uploaded", { title }));
  };
  return (
    <form class="staff-property-upload" onSubmit={submit}>
      <ErrorAlert problem={action.problem} />
      <FieldFrame
        label={stf("property.documents.pdfFor", { title })}
        hint={doc.format === "text" ? st("property.documents.pdfReplacesText") : undefined}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            accept="application/pdf"
            aria-describedby={describedBy}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            data-testid={`pdf-${doc.id}`}
          />
        )}
      </FieldFrame>
      <button type="submit" class="button" disabled={action.disabled || !file}>
        {st("property.documents.upload")}
      </button>
    </form>
  );
}
