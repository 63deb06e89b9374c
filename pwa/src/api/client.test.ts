// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { language } from "../state/language";
import { clearCookies, setCookie } from "../test/cookies";
import { fakeApi, json, problem } from "../test/fakeApi";
import {
  apiRequest,
  apiUpload,
  CSRF_HEADER,
  ProblemError,
  parseRetryAfter,
  readCookie,
  setUnauthorizedHandler,
} from "./client";

beforeEach(() => {
  clearCookies();
  setCookie("other", "1");
  setCookie("portal_csrf", "tok%2Den-123");
});

/** The rejection of a call, as the ProblemError it must be. */
async function failure(call: Promise<unknown>): Promise<ProblemError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
  language.value = "fi";
  clearCookies();
});

describe("apiRequest", () => {
  it("sends the CSRF cookie as a header, the UI language and JSON on a POST", async () => {
    language.value = "sv";
    const api = fakeApi({ "POST /api/registration/office-code": json(200, { step: "contact" }) });
    const result = await apiRequest<{ step: string }>("POST", "/api/registration/office-code", {
      code: "ABCD",
    });
    expect(result.step).toBe("contact");
    const [call] = api.calls;
    expect(call?.headers[CSRF_HEADER]).toBe("tok-en-123");
    expect(call?.headers["Accept-Language"]).toBe("sv");
    expect(call?.headers["Content-Type"]).toBe("application/json");
    expect(call?.body).toEqual({ code: "ABCD" });
    expect(api.fetch.mock.calls[0]?.[1]?.credentials).toBe("same-origin");
  });

  it.each(["PUT", "PATCH", "DELETE"] as const)("sends the CSRF header on %s", async (method) => {
    const api = fakeApi({ [`${method} /api/me/x`]: { status: 204 } });
    await apiRequest(method, "/api/me/x");
    expect(api.calls[0]?.headers[CSRF_HEADER]).toBe("tok-en-123");
  });

  it("sends no CSRF header on a GET", async () => {
    const api = fakeApi({ "GET /api/session": json(200, { authenticated: false }) });
    await apiRequest("GET", "/api/session");
    expect(api.calls[0]?.headers[CSRF_HEADER]).toBeUndefined();
    expect(api.calls[0]?.headers["Accept-Language"]).toBe("fi");
  });

  it("gets the CSRF cookie from GET /api/session first when it is missing", async () => {
    clearCookies();
    const api = fakeApi({
      "GET /api/session": () => {
        setCookie("portal_csrf", "fresh");
        return json(200, { authenticated: false });
      },
      "POST /api/auth/logout": { status: 204 },
    });
    await apiRequest("POST", "/api/auth/logout");
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /api/session",
      "POST /api/auth/logout",
    ]);
    expect(api.calls[1]?.headers[CSRF_HEADER]).toBe("fresh");
  });

  it("parses problem details with field errors into a ProblemError", async () => {
    fakeApi({
      "POST /api/registration/contact": problem(422, "Tarkista tiedot", "Sähköposti puuttuu.", {
        errors: [{ field: "email", message: "Anna sähköpostiosoite." }],
      }),
    });
    const error = await failure(apiRequest("POST", "/api/registration/contact", {}));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(422);
    expect(error.title).toBe("Tarkista tiedot");
    expect(error.detail).toBe("Sähköposti puuttuu.");
    expect(error.requestId).toBe("r1");
    expect(error.fieldError("email")).toBe("Anna sähköpostiosoite.");
    expect(error.fieldError("phone")).toBeUndefined();
    expect(error.retryAfter).toBeNull();
  });

  it("matches dotted field paths by their last part", () => {
    const error = new ProblemError({
      type: "x",
      title: "t",
      status: 422,
      detail: "d",
      errors: [{ field: "body.phone", message: "Bad phone" }],
    });
    expect(error.fieldError("phone")).toBe("Bad phone");
  });

  it("keeps Retry-After of a 429", async () => {
    fakeApi({
      "POST /api/auth/passkey/options": problem(
        429,
        "Liian monta yritystä",
        "Odota.",
        {},
        {
          "Retry-After": "30",
        },
      ),
    });
    const error = await failure(apiRequest("POST", "/api/auth/passkey/options", {}));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(30);
  });

  it("turns a non-problem error into the app's own message in the UI language", async () => {
    language.value = "en";
    fakeApi({ "GET /api/session": { status: 502, text: "<html>Bad gateway</html>" } });
    const error = await failure(apiRequest("GET", "/api/session"));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(502);
    expect(error.title).toBe("Something went wrong");
    expect(error.detail).not.toContain("html");
  });

  it("reports a network failure without raw exception text", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const error = await failure(apiRequest("GET", "/api/session"));
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.title).toBe("Ei yhteyttä");
    expect(`${error.title} ${error.detail}`).not.toContain("Failed to fetch");
  });

  it("calls the 401 hook, then still rejects", async () => {
    const hook = vi.fn();
    setUnauthorizedHandler(hook);
    fakeApi({ "GET /api/me/passkeys": problem(401, "Kirjaudu sisään", "Istunto päättyi.") });
    await expect(apiRequest("GET", "/api/me/passkeys")).rejects.toBeInstanceOf(ProblemError);
    expect(hook).toHaveBeenCalledOnce();
    expect(hook.mock.calls[0]?.[0].status).toBe(401);
  });

  it("uploads a file's bytes with its type and the CSRF header; a 401 reaches the hook", async () => {
    const hook = vi.fn();
    setUnauthorizedHandler(hook);
    const api = fakeApi({
      "PUT /api/staff/property-documents/d1/file": [
        json(200, { id: "d1" }),
        problem(401, "Kirjaudu sisään", "Istunto päättyi."),
      ],
    });
    const pdf = new Blob(["%PDF-1.7"], { type: "application/pdf" });
    const path = "/api/staff/property-documents/d1/file?fileName=a.pdf";
    await expect(apiUpload("PUT", path, pdf, "application/pdf")).resolves.toEqual({ id: "d1" });
    const init = api.fetch.mock.calls[0]?.[1];
    expect(init?.body).toBe(pdf);
    expect(api.calls[0]?.headers["Content-Type"]).toBe("application/pdf");
    expect(api.calls[0]?.headers[CSRF_HEADER]).toBe("tok-en-123");
    await expect(apiUpload("PUT", path, pdf, "application/pdf")).rejects.toBeInstanceOf(
      ProblemError,
    );
    expect(hook).toHaveBeenCalledOnce();
  });

  it("sends requests that write the session one at a time, other requests at once", async () => {
    const started: string[] = [];
    const answers = new Map<string, () => void>();
    vi.stubGlobal(
      "fetch",
      vi.fn((path: string) => {
        started.push(path);
        return new Promise<Response>((resolve) =>
          answers.set(path, () => resolve(new Response("{}", { status: 200 }))),
        );
      }),
    );
    // The sign-in page's passkey challenge, then the start of bank identification.
    const challenge = apiRequest("POST", "/api/auth/passkey/options", {});
    const identification = apiRequest("POST", "/api/registration/strong-auth", { purpose: "x" });
    const other = apiRequest("POST", "/api/sync/pull", {});
    await vi.waitFor(() => expect(started).toContain("/api/sync/pull"));
    expect(started).not.toContain("/api/registration/strong-auth");
    answers.get("/api/auth/passkey/options")?.(); // its answer, and session cookie, first
    await challenge;
    await vi.waitFor(() => expect(started).toContain("/api/registration/strong-auth"));
    answers.get("/api/registration/strong-auth")?.();
    answers.get("/api/sync/pull")?.();
    await Promise.all([identification, other]);
  });

  it("resolves a 204 with undefined", async () => {
    fakeApi({ "DELETE /api/me/password": { status: 204 } });
    await expect(apiRequest("DELETE", "/api/me/password")).resolves.toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
    const now = Date.parse("2026-01-01T12:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:45 GMT", now)).toBe(45);
    expect(parseRetryAfter("Thu, 01 Jan 2026 11:00:00 GMT", now)).toBe(0);
  });
});

describe("readCookie", () => {
  it("finds one cookie among many and decodes it", () => {
    expect(readCookie("portal_csrf", "a=1; portal_csrf=x%20y; b=2")).toBe("x y");
    expect(readCookie("portal_csrf", "xportal_csrf=1")).toBeNull();
  });
});
