/** Uploading a document's PDF: PUT of the raw bytes. */
import { apiUpload } from "../../api/client";
import type { StaffDocument } from "./api";

/** The PDF becomes the document (it replaces the text); rejects with a ProblemError. */
export function uploadDocumentPdf(documentId: string, file: File): Promise<StaffDocument> {
  const query = new URLSearchParams({ fileName: file.name.slice(0, 200) || "document.pdf" });
  const url = `/api/staff/property-documents/${encodeURIComponent(documentId)}/file?${query}`;
  return apiUpload<StaffDocument>("PUT", url, file, file.type || "application/pdf");
}
