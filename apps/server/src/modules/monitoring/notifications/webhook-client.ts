/**
 * One webhook post: JSON, 10 seconds at most, redirects not followed (a hook that moved must be edited, and a
 * redirect would turn the POST into a GET). The answer is reduced to what the delivery log and the retry rule need.
 */

const TIMEOUT_MS = 10_000;
const DETAIL_CHARS = 300;

export type WebhookOutcome =
  | { ok: true; status: number; detail: string }
  | { ok: false; status: number | null; detail: string; retryAfterMs: number | null };

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export async function postWebhook(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs = TIMEOUT_MS,
): Promise<WebhookOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Vigie-Notifications/1', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await response.text().catch(() => '')).slice(0, DETAIL_CHARS);
    const detail = `HTTP ${response.status}${text ? `: ${text}` : ''}`;
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, detail };
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? 'elsewhere';
      return {
        ok: false,
        status: response.status,
        detail: `HTTP ${response.status}: redirected to ${location}; put the final URL in the rule`,
        retryAfterMs: null,
      };
    }
    return {
      ok: false,
      status: response.status,
      detail,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()),
    };
  } catch (caught) {
    const error = caught as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const detail =
      error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : `${error.cause?.code ?? error.name ?? 'error'}: ${error.cause?.message ?? error.message ?? String(caught)}`;
    return { ok: false, status: null, detail, retryAfterMs: null };
  }
}
