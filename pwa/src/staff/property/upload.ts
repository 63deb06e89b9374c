/** Uploading a document's PDF: PUT of the raw bytes (apiRequest speaks JSON only). */
import { CSRF_COOKIE, CSRF_HEADER, localProblem, ProblemError, readCookie } from "../../api/client";
import { language } from "../../state/language";
import type { StaffDocument } from "./api";

/** The PDF becomes the document (it replaces the text); rejects with a ProblemError. */
export async function uploadDocumentPdf(documentId: string, file: File): Promise<StaffDocument> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": language.value,
    "Content-Type": file.type || "application/pdf",
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  const query = new URLSearchParams({ fileName: file.name.slice(0, 200) || "document.pdf" });
  const url = `/api/staff/property-documents/${encodeURIComponent(documentId)}/file?${query}`;
  let response: Response;
  try {
    response = await fetch(url, { method: "PUT", headers, credentials: "same-origin", body: file });
  } catch {
    throw localProblem("network");
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw localProblem("unexpected", response.status);
  }
  if (response.ok) return body as StaffDocument;
  const problem = body as Partial<ProblemError> | null;
  if (problem && typeof problem.title === "string") {
    throw new ProblemError({
      type: typeof problem.type === "string" ? problem.type : "about:blank",
      title: problem.title,
      detail: typeof problem.detail === "string" ? problem.detail : "",
      status: response.status,
      errors: Array.isArray(problem.errors) ? [...problem.errors] : [],
    });
  }
  throw localProblem("unexpected", response.status);
}
