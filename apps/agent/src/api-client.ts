import type { z } from 'zod';
import { describeError } from './log.js';
import {
  type AgentBatch,
  AgentConfig,
  BatchAck,
  type EnrollRequest,
  EnrollResponse,
  ErrorBody,
  RotateResponse,
} from './protocol.js';

/**
 * How a call failed, in the terms the sender acts on: `network` and `server` (5xx) are retried, `refused` (400, 413)
 * sets the batch aside, `unauthorized` (401) stops the agent, `protocol` is an answer the agent cannot read.
 */
export type ApiFailure = {
  kind: 'network' | 'server' | 'refused' | 'unauthorized' | 'protocol';
  status: number | null;
  code: string | null;
  message: string;
};

/** A call's outcome: the parsed answer or why there is none. Never throws. */
export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

/** Long enough for a big inventory over a slow link, short enough that a hung server does not stall the queue. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The agent's side of the agent API (packages/contracts/src/agent.ts): every answer checked with its schema. */
export class AgentApi {
  constructor(
    private readonly server: string,
    private readonly credential: () => string = () => '',
  ) {}

  enroll(request: EnrollRequest): Promise<ApiResult<EnrollResponse>> {
    return this.call('POST', '/api/v1/agent/enroll', EnrollResponse, request, false);
  }

  config(): Promise<ApiResult<AgentConfig>> {
    return this.call('GET', '/api/v1/agent/config', AgentConfig);
  }

  sendBatch(batch: AgentBatch): Promise<ApiResult<BatchAck>> {
    return this.call('POST', '/api/v1/agent/batches', BatchAck, batch);
  }

  rotate(): Promise<ApiResult<z.infer<typeof RotateResponse>>> {
    return this.call('POST', '/api/v1/agent/rotate', RotateResponse, {});
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    authenticated = true,
  ): Promise<ApiResult<T>> {
    const url = new URL(path, this.server.endsWith('/') ? this.server : `${this.server}/`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated) headers.authorization = `Bearer ${this.credential()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return failure('network', null, null, `cannot reach ${url.origin}: ${describeError(error)}`);
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(json);
      const code = parsed.success ? parsed.data.error.code : null;
      const message = parsed.success ? parsed.data.error.message : text.slice(0, 200) || response.statusText;
      const kind =
        response.status === 401
          ? 'unauthorized'
          : response.status >= 500
            ? 'server'
            : response.status === 429
              ? 'server'
              : 'refused';
      return failure(kind, response.status, code, `${response.status} ${code ?? ''} ${message}`.replace(/\s+/g, ' '));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return failure(
        'protocol',
        response.status,
        null,
        `${url.origin} answered ${path} with something that is not Vigie's agent API`,
      );
    }
    return { ok: true, value: parsed.data };
  }
}

function failure(
  kind: ApiFailure['kind'],
  status: number | null,
  code: string | null,
  message: string,
): { ok: false } & ApiFailure {
  return { ok: false, kind, status, code, message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
