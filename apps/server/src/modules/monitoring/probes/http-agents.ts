import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * The connection pools the HTTP probe shares. Keep-alive lets checks of the same host reuse a connection (and skip
 * a TLS handshake) when they come back within a few seconds — many URLs on one site, or short intervals; the pool
 * drops an idle connection after IDLE_MS, before most servers would close it under us (nginx 75 s, Node 5 s, Apache
 * 5 s; Node's agent also honours a `Keep-Alive: timeout=` hint). A request that fails on a reused connection is
 * retried once on a fresh one (http-probe.ts), so a connection closed by the server never reads as an outage.
 */
const IDLE_MS = 4_000;
const MAX_FREE_PER_HOST = 64;

/** The pool of plain-HTTP connections. */
export const httpAgent = new HttpAgent({ keepAlive: true, timeout: IDLE_MS, maxFreeSockets: MAX_FREE_PER_HOST });
/** The pool of HTTPS connections (Node keys TLS connections by their options, so `rejectUnauthorized` is safe). */
export const httpsAgent = new HttpsAgent({ keepAlive: true, timeout: IDLE_MS, maxFreeSockets: MAX_FREE_PER_HOST });
