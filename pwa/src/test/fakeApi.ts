/** Test helper: a stubbed `fetch` that answers by "METHOD /path" and records every call. */
import { vi } from "vitest";

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply =
  | { status: number; json?: unknown; headers?: Record<string, string>; text?: string }
  | ((call: RecordedCall) => Reply);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json: body, headers };
}

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    json: {
      type: `/problems/${status}`,
      title,
      status,
      detail,
      instance: "/x",
      requestId: "r1",
      ...extra,
    },
    headers: { "Content-Type": "application/problem+json", ...headers },
  };
}

export function fakeApi(routes: Record<string, Reply | Reply[]>) {
  const calls: RecordedCall[] = [];
  const queues = new Map(
    Object.entries(routes).map(([key, reply]) => [
      key,
      Array.isArray(reply) ? [...reply] : [reply],
    ]),
  );
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost:3000");
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k, v]),
    );
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const call: RecordedCall = { method: init.method ?? "GET", path: url.pathname, headers, body };
    calls.push(call);
    const key = `${call.method} ${call.path}`;
    const queue = queues.get(key);
    if (!queue || queue.length === 0) throw new Error(`unexpected request ${key}`);
    let reply = queue.length > 1 ? (queue.shift() as Reply) : (queue[0] as Reply);
    while (typeof reply === "function") reply = reply(call);
    const responseHeaders = new Headers(reply.headers ?? {});
    if (reply.json !== undefined && !responseHeaders.has("Content-Type")) {
      responseHeaders.set("Content-Type", "application/json");
    }
    const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? null);
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status,
      headers: responseHeaders,
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return {
    calls,
    fetch: fetchStub,
    /** Calls other than the reads, e.g. ["PATCH /api/me/passkeys/p1"]. */
    writes: () => calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`),
  };
}
