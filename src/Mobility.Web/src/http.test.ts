import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError } from "./http";

afterEach(() => vi.unstubAllGlobals());
const answer = (status: number, body: unknown, headers: Record<string, string> = { "content-type": "application/problem+json" }) =>
  vi.stubGlobal("fetch", vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status, headers })));

describe("the HTTP client", () => {
  it("reads a validation problem into field errors", async () => {
    answer(400, { title: "Données invalides", errors: { seatsOffered: ["Entre 0 et 8."] } });
    const error = await api("/api/me/employee", { method: "PUT", json: {} }).then(() => { throw new Error("no error"); }, (e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("invalid");
    expect(error.fields.seatsOffered).toHaveLength(1);
  });
  it("keeps the server's code and the retry delay", async () => {
    answer(429, { code: "chat-rate-limited", parameters: { limit: 6 } }, { "content-type": "application/json", "retry-after": "30" });
    const error = await api("/x").then(() => { throw new Error("no error"); }, (e: ApiError) => e);
    expect(error.code).toBe("chat-rate-limited");
    expect(error.parameters).toEqual({ limit: 6, retryAfterSeconds: 30 });
  });
  it("says network when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("Failed to fetch"); }));
    expect((await api("/x").then(() => { throw new Error("no error"); }, (e: ApiError) => e)).code).toBe("network");
  });
  it("answers null for 204 and sends JSON with its type", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    expect(await api("/x", { json: { a: 1 } })).toBeNull();
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });
});

describe("field codes", () => {
  it("are read beside the messages, so the client can word them", async () => {
    answer(400, { code: "invalid-fields", errors: { date: ["Obligatoire."] }, fieldCodes: { date: [{ code: "required", parameters: {} }] } });
    const error = await api("/x").then(() => { throw new Error("no error"); }, (e: ApiError) => e);
    expect(error.code).toBe("invalid-fields");
    expect(error.fieldCodes.date[0].code).toBe("required");
  });
});
