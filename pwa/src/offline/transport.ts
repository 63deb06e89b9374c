/**
 * How the sync client talks to the server, and how a failure is classified. The default
 * transport goes through the app's one fetch wrapper (CSRF, language, problem details).
 */
import { apiRequest, CSRF_COOKIE, CSRF_HEADER, ProblemError, readCookie } from "../api/client";
import {
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  SCHEMA_VERSION_PROBLEM,
} from "./protocol";

export const PUSH_PATH = "/api/sync/push";
export const PULL_PATH = "/api/sync/pull";
export const POKE_PATH = "/api/sync/poke";
export const BLOB_PATH = "/api/blobs/";

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  putBlob(sha256: string, bytes: ArrayBuffer, type: string): Promise<void>;
}

export const httpTransport: SyncTransport = {
  push: (request) => apiRequest<PushResponse>("POST", PUSH_PATH, request),
  pull: (request) => apiRequest<PullResponse>("POST", PULL_PATH, request),
  async putBlob(sha256, bytes, type) {
    const headers: Record<string, string> = { "Content-Type": type };
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
    let response: Response;
    try {
      response = await fetch(`${BLOB_PATH}${sha256}`, {
        method: "PUT",
        headers,
        credentials: "same-origin",
        body: bytes,
      });
    } catch {
      throw new SyncFailure("temporary", null);
    }
    if (!response.ok) throw failureFromStatus(response.status, null);
  },
};

export type FailureKind = "temporary" | "unauthorized" | "updateRequired" | "permanent";

/** A classified failure of one request. */
export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly problem: ProblemError | null,
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.title ?? kind);
    this.name = "SyncFailure";
  }
}

function failureFromStatus(status: number, problem: ProblemError | null): SyncFailure {
  const retryAfter = problem?.retryAfter ?? null;
  if (status === 0 || status >= 500 || status === 429 || status === 408) {
    return new SyncFailure("temporary", problem, retryAfter);
  }
  if (status === 401) return new SyncFailure("unauthorized", problem);
  return new SyncFailure("permanent", problem);
}

function isSchemaProblem(problem: ProblemError): boolean {
  return problem.type === SCHEMA_VERSION_PROBLEM || problem.type.endsWith("/sync-schema-version");
}

/** Any error from a transport call → a SyncFailure (unknown errors count as temporary). */
export function classify(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  if (error instanceof ProblemError) {
    if (isSchemaProblem(error)) return new SyncFailure("updateRequired", error);
    return failureFromStatus(error.status, error);
  }
  return new SyncFailure("temporary", null);
}
