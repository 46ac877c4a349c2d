import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { httpAgent, httpsAgent } from './http-agents.js';
import { describeNetworkError, errorCode } from './network-errors.js';
import type { ProbeConfig } from './probe-config.js';
import { formatMs, latencyMetric, type ProbeResult, verdict } from './probe-result.js';
import { settleOnce } from './settle.js';
import { thresholdNote, thresholdStatus, worst } from './thresholds.js';
import { sharedSecureContext } from './tls-context.js';

/** At most this much of a body is read (and searched for the keyword); a bigger page is cut there. */
export const HTTP_BODY_LIMIT = 1024 * 1024;
const USER_AGENT = 'Vigie-monitoring/1';

/**
 * HTTP(S): the status code (default 200–399 is up), a keyword that must be in the first megabyte of the body, and
 * the time until the whole answer arrived against warnMs/critMs. Anything that keeps users from the page — refused,
 * timeout, DNS failure, an untrusted certificate unless `ignoreTlsErrors` — is CRITICAL, and the output says which.
 */
export function httpProbe(config: ProbeConfig<'http'>, timeoutMs: number): Promise<ProbeResult> {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    return Promise.resolve(verdict('unknown', `HTTP: "${config.url}" is not a valid URL`));
  }
  const method = config.method ?? 'GET';
  if (config.keyword !== undefined && method === 'HEAD') {
    return Promise.resolve(verdict('unknown', 'HTTP: a keyword needs the GET method (HEAD has no body)'));
  }
  const secure = url.protocol === 'https:';
  const keyword = config.keyword ? Buffer.from(config.keyword) : undefined;
  return settleOnce(
    timeoutMs,
    () => verdict('critical', `HTTP timeout: no complete answer from ${url.host} within ${timeoutMs} ms`),
    (settle) => {
      const started = performance.now();
      let current: ClientRequest | undefined;
      let complete = false;
      const send = (firstTry: boolean) => {
        const options = {
          method,
          agent: secure ? httpsAgent : httpAgent,
          headers: { 'user-agent': USER_AGENT, accept: '*/*' },
          ...(secure ? { rejectUnauthorized: !config.ignoreTlsErrors, secureContext: sharedSecureContext() } : {}),
        };
        const req = secure ? httpsRequest(url, options) : httpRequest(url, options);
        current = req;
        req.on('response', (res) =>
          readBody(res, keyword !== undefined, (body, cut) => {
            complete = true;
            if (cut) req.destroy();
            settle(judge(config, res.statusCode ?? 0, body, keyword, performance.now() - started));
          }),
        );
        req.on('error', (error) => {
          if (complete) return;
          const code = errorCode(error);
          if (firstTry && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return send(false);
          settle(verdict('critical', `HTTP ${url.host}: ${describeNetworkError(error)}`));
        });
        req.end();
      };
      send(true);
      return () => {
        if (!complete) current?.destroy();
      };
    },
  );
}

/**
 * Reads the body up to HTTP_BODY_LIMIT, keeping it only when a keyword needs it; `cut` says the limit was reached
 * and the rest was not read (the connection must then be closed rather than reused).
 */
function readBody(res: IncomingMessage, keep: boolean, done: (body: Buffer | null, cut: boolean) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (cut: boolean) => {
    if (finished) return;
    finished = true;
    done(keep ? Buffer.concat(chunks, Math.min(size, HTTP_BODY_LIMIT)) : null, cut);
  };
  res.on('data', (chunk: Buffer) => {
    if (finished) return;
    if (keep) chunks.push(chunk);
    size += chunk.length;
    if (size >= HTTP_BODY_LIMIT) finish(true);
  });
  res.on('end', () => finish(false));
  // A body cut off by the peer still answered with a status: judge what arrived.
  res.on('error', () => finish(true));
  res.on('aborted', () => finish(true));
}

/** The verdict on a complete answer: the worst of status code, keyword and latency. */
function judge(
  config: ProbeConfig<'http'>,
  statusCode: number,
  body: Buffer | null,
  keyword: Buffer | undefined,
  latencyMs: number,
): ProbeResult {
  const reasons: string[] = [];
  let status = thresholdStatus(latencyMs, config.warnMs, config.critMs);
  const latencyNote = thresholdNote(status, config.warnMs, config.critMs, 'above', ' ms');
  if (!statusExpected(statusCode, config.expectStatus)) {
    status = 'critical';
    reasons.push(`expected ${config.expectStatus ? config.expectStatus.join(', ') : '200–399'}`);
  }
  if (keyword && !body?.includes(keyword)) {
    status = worst(status, 'critical');
    reasons.push(`keyword "${config.keyword}" not found`);
  }
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return {
    status,
    output: `HTTP ${statusCode} in ${formatMs(latencyMs)}${latencyNote}${why}`,
    latencyMs,
    metrics: [latencyMetric(latencyMs)],
  };
}

function statusExpected(code: number, expected: number[] | undefined): boolean {
  return expected && expected.length > 0 ? expected.includes(code) : code >= 200 && code <= 399;
}
