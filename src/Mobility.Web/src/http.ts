// The one HTTP client of the app: same-origin cookies, JSON in and out, and one shape for every failure (ApiError), which
// the one error display (ui/Status) turns into words. The server answers problem details (RFC 9457) with a `code`, field
// errors and parameters; the words are the client's (texts/), French first.

export interface FieldErrors { [field: string]: string[] }
export interface FieldCode { code: string; parameters: Record<string, unknown> }
export interface FieldCodes { [field: string]: FieldCode[] }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A stable code (`network`, `unauthorized`, `forbidden`, `not-found`, `rate-limited`, `server`, or the server's own). */
    readonly code: string,
    /** The server's title, when it sent one: shown only when the code has no words of ours. */
    readonly title: string | undefined,
    readonly fields: FieldErrors = {},
    readonly parameters: Record<string, unknown> = {},
    /** The same field errors as codes (when the server has one for a check), for words of our own. */
    readonly fieldCodes: FieldCodes = {},
  ) {
    super(code);
  }
}

const codeForStatus = (status: number): string =>
  status === 0 ? "network"
    : status === 401 ? "unauthorized"
      : status === 403 ? "forbidden"
        : status === 404 ? "not-found"
          : status === 409 ? "conflict"
            : status === 429 ? "rate-limited"
              : status >= 500 ? "server"
                : "invalid";

export interface RequestOptions {
  method?: string;
  /** A body sent as JSON. */
  json?: unknown;
  /** A raw body (a file). */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API; answers the parsed JSON (or text, or null for 204), or throws an ApiError. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.json !== undefined || options.body ? "POST" : "GET"),
      credentials: "same-origin",
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", undefined);
  }
  const type = response.headers.get("content-type") ?? "";
  const payload: unknown = response.status === 204 ? null
    : type.includes("json") ? await response.json().catch(() => null)
      : await response.text();
  if (!response.ok) throw toApiError(response.status, payload, response.headers.get("retry-after"));
  return payload as T;
}

/** A problem details body (or anything else) as an ApiError. */
export function toApiError(status: number, payload: unknown, retryAfter?: string | null): ApiError {
  const problem = (payload && typeof payload === "object" ? payload : {}) as {
    code?: string; title?: string; detail?: string; errors?: FieldErrors; parameters?: Record<string, unknown>; fieldCodes?: FieldCodes;
  };
  const parameters = { ...(problem.parameters ?? {}) };
  if (retryAfter) parameters.retryAfterSeconds = Number(retryAfter);
  const fields = problem.errors && typeof problem.errors === "object" ? problem.errors : {};
  const code = typeof problem.code === "string" ? problem.code : codeForStatus(status);
  const fieldCodes = problem.fieldCodes && typeof problem.fieldCodes === "object" ? problem.fieldCodes : {};
  return new ApiError(status, code, problem.detail ?? problem.title, fields, parameters, fieldCodes);
}
