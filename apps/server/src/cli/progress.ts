import type { ImportProgress } from '../modules/imports/imports.service.js';

/** A one-line progress bar for long CLI work; silent when the output is not a terminal except at phase ends. */
export function progressBar(out: NodeJS.WriteStream): ImportProgress {
  let lastPhase = '';
  return (phase, done, total) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const label = phase === 'validate' ? 'checking' : 'writing ';
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
    if (out.isTTY) out.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total && phase !== lastPhase) out.write(`${line}\n`);
    if (done === total) lastPhase = phase;
  };
}
