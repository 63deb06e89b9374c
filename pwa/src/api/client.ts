/**
 * The one fetch wrapper: same-origin cookies, the UI language as Accept-Language, the CSRF
 * header on every state-changing request, and problem details parsed into `ProblemError`.
 */
import { translate } from "../i18n/catalog";
import { language } from "../state/language";
import type { FieldError, Problem } from "./types";

export const CSRF_COOKIE = "portal_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const SESSION_PATH = "/api/session";
const SAFE_METHODS = new Set(["GET", "HEAD"]);

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A failed call, as problem details the person can read; never raw exception text. */
export class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string | null;
  readonly requestId: string | null;
  readonly errors: readonly FieldError[];
  /** Seconds to wait before trying again (from `Retry-After` on a 429), else null. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.title);
    this.name = "ProblemError";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance ?? null;
    this.requestId = problem.requestId ?? null;
    this.errors = problem.errors ?? [];
    this.retryAfter = retryAfter;
  }

  /** The message for one form field ("email", or a dotted path ending in it), if any. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

/** A problem made in the app itself (no connection, odd answer), in the UI language. */
export function localProblem(
  kind: "network" | "unexpected",
  status = 0,
  retryAfter: number | null = null,
): ProblemError {
  const lang = language.value;
  return new ProblemError(
    {
      type: `about:blank#${kind}`,
      title: translate(lang, `errors.${kind}.title`),
      detail: translate(lang, `errors.${kind}.detail`),
      status,
    },
    retryAfter,
  );
}

/** The value of one cookie, or null. */
export function readCookie(name: string, cookies?: string): string | null {
  const source = cookies ?? (typeof document === "undefined" ? "" : document.cookie);
  for (const part of source.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return part.slice(eq + 1).trim();
    }
  }
  return null;
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

type UnauthorizedHandler = (problem: ProblemError) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Called on every 401 (the session state decides whether the person was signed in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === "string" && typeof v.detail === "string";
}

async function problemFrom(response: Response): Promise<ProblemError> {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) {
        const errors = Array.isArray(body.errors) ? body.errors : [];
        const status = typeof body.status === "number" ? body.status : response.status;
        return new ProblemError(
          { ...body, type: body.type ?? "about:blank", status, errors },
          retryAfter,
        );
      }
    } catch {
      // Not JSON after all: fall through to the app's own message.
    }
  }
  return localProblem("unexpected", response.status, retryAfter);
}

function baseHeaders(): Record<string, string> {
  return {
    Accept: "application/json, application/problem+json",
    "Accept-Language": language.value,
  };
}

/** The CSRF token; a GET of the session makes the server set the cookie if it is missing. */
async function csrfToken(): Promise<string | null> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  try {
    await fetch(SESSION_PATH, { credentials: "same-origin", headers: baseHeaders() });
  } catch {
    return null;
  }
  return readCookie(CSRF_COOKIE);
}

/** Call the API; resolves with the JSON body (undefined for 204), rejects with ProblemError. */
export function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (body === undefined) return send<T>(method, path);
  return send<T>(method, path, { data: JSON.stringify(body), type: "application/json" });
}

/** Send a file's bytes as the request body (e.g. a PDF); answers like `apiRequest`. */
export function apiUpload<T>(method: Method, path: string, file: Blob, type: string): Promise<T> {
  return send<T>(method, path, { data: file, type });
}

/**
 * Requests that write the session (passkey challenges, identification in progress, sign-in):
 * sent one at a time. Two of them in flight for a visitor without a session would each get
 * a new session cookie, and the one answered last would drop the other's state (e.g. the
 * sign-in page's passkey challenge racing the start of bank identification).
 */
const SESSION_WRITERS = /^\/api\/(auth|registration|me\/passkeys|staff\/enrolment)\//;
let sessionWrites: Promise<unknown> = Promise.resolve();

function send<T>(
  method: Method,
  path: string,
  body?: { data: string | Blob; type: string },
): Promise<T> {
  if (SAFE_METHODS.has(method) || !SESSION_WRITERS.test(path)) return sendNow(method, path, body);
  const next = sessionWrites.then(() => sendNow<T>(method, path, body));
  sessionWrites = next.catch(() => undefined);
  return next;
}

async function sendNow<T>(
  method: Method,
  path: string,
  body?: { data: string | Blob; type: string },
): Promise<T> {
  const headers = baseHeaders();
  if (body !== undefined) headers["Content-Type"] = body.type;
  if (!SAFE_METHODS.has(method)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body: body.data }),
    });
  } catch {
    throw localProblem("network");
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (response.status === 401) unauthorizedHandler?.(problem);
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw localProblem("unexpected", response.status);
  }
}
