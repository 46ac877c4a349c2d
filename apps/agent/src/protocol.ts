/**
 * The agent protocol's schemas, shared with the server (packages/contracts). Imported by file rather than through
 * `@vigie/contracts`' index: the index also pulls the console's contracts and the domain (holiday calendars, time zone
 * data) — 1.4 MB the one-file agent bundle does not need. These two files depend on zod alone.
 */
export * from '../../../packages/contracts/src/agent.js';
export { ErrorBody, Id } from '../../../packages/contracts/src/common.js';
