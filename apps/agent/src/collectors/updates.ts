import { existsSync } from 'node:fs';
import type { BatchItem } from '../protocol.js';
import { runProgram } from '../run-program.js';

type Updates = Extract<BatchItem, { type: 'updates' }>;
type PendingUpdate = Updates['updates'][number];

const UPDATE_OPTIONS = { timeoutMs: 300_000, maxOutputChars: 16 * 1024 * 1024 };

/** An origin from a security pocket: Debian's `Debian-Security:12/stable-security`, Ubuntu's `…/jammy-security`. */
const SECURITY_ORIGIN = /(^|[\s,/:])[\w.-]*-security\b|Debian-Security/i;

/**
 * Pending updates from a simulated `apt-get dist-upgrade`: lines `Inst name [current] (candidate origin… [arch])`; a
 * new package pulled in has no `[current]`. Security when one of its origins is a -security pocket.
 */
export function parseAptSimulation(text: string): PendingUpdate[] {
  const updates: PendingUpdate[] = [];
  for (const line of text.split('\n')) {
    const match = /^Inst (\S+) (?:\[([^\]]*)\] )?\((\S+)\s*([^)]*)\)/.exec(line);
    if (!match) continue;
    updates.push({
      name: match[1] as string,
      currentVersion: match[2] ?? null,
      candidateVersion: match[3] as string,
      security: SECURITY_ORIGIN.test(match[4] ?? ''),
    });
  }
  return updates;
}

/** The package names of `dnf updateinfo list security` lines (`ADVISORY  severity/Sec.  name-version-release.arch`). */
export function parseDnfSecurityNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const nevra = line.trim().split(/\s+/)[2];
    if (!nevra) continue;
    const withoutArch = nevra.replace(/\.[^.]+$/, '');
    const name = withoutArch.split('-').slice(0, -2).join('-');
    if (name) names.add(name);
  }
  return names;
}

/** `dnf check-update` lines `name.arch  version  repo`; the current version is not in it (null). */
export function parseDnfCheckUpdate(text: string, security: Set<string>): PendingUpdate[] {
  const updates: PendingUpdate[] = [];
  for (const line of text.split('\n')) {
    // Obsoleting lines and the blank line before them end the list of updates.
    if (/^Obsoleting/i.test(line)) break;
    const [nameArch, version, repo] = line.trim().split(/\s+/);
    if (!nameArch || !version || !repo || !nameArch.includes('.')) continue;
    const name = nameArch.replace(/\.[^.]+$/, '');
    updates.push({ name, currentVersion: null, candidateVersion: version, security: security.has(name) });
  }
  return updates;
}

/**
 * What the package manager would install now, from its local lists (the agent never refreshes them: apt-daily or
 * dnf-makecache does). apt first, then dnf; neither → manager null. Throws when the tool is there but fails.
 */
export async function collectUpdates(now = () => new Date()): Promise<Updates> {
  const at = () => now().toISOString();
  if (existsSync('/usr/bin/apt-get')) {
    const apt = await runProgram(['apt-get', '-s', '-o', 'Debug::NoLocking=1', 'dist-upgrade'], UPDATE_OPTIONS);
    if (apt.exitCode !== 0)
      throw new Error(`apt-get -s dist-upgrade failed: ${firstLine(apt.stderr || apt.startError)}`);
    return { type: 'updates', at: at(), manager: 'apt', updates: parseAptSimulation(apt.stdout).slice(0, 20_000) };
  }
  if (existsSync('/usr/bin/dnf')) {
    const check = await runProgram(['dnf', '-q', 'check-update'], UPDATE_OPTIONS);
    // dnf check-update exits 100 when there are updates, 0 when none, 1 on error.
    if (check.exitCode !== 0 && check.exitCode !== 100) {
      throw new Error(`dnf check-update failed: ${firstLine(check.stderr || check.startError)}`);
    }
    const advisories = await runProgram(['dnf', '-q', 'updateinfo', 'list', 'security'], UPDATE_OPTIONS);
    const security = advisories.exitCode === 0 ? parseDnfSecurityNames(advisories.stdout) : new Set<string>();
    return {
      type: 'updates',
      at: at(),
      manager: 'dnf',
      updates: parseDnfCheckUpdate(check.stdout, security).slice(0, 20_000),
    };
  }
  return { type: 'updates', at: at(), manager: null, updates: [] };
}

function firstLine(text: string | null): string {
  return (text ?? '').trim().split('\n')[0]?.slice(0, 200) || 'no message';
}
