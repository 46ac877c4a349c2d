import type { BatchItem } from '../protocol.js';
import { runProgram } from '../run-program.js';

type Inventory = Extract<BatchItem, { type: 'inventory' }>;

const LIST_OPTIONS = { timeoutMs: 120_000, maxOutputChars: 16 * 1024 * 1024 };

/** dpkg-query's own format fields (not JavaScript placeholders): one tab-separated line per package. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's ${field} syntax, not a template
const DPKG_FORMAT = '${Package}\t${Version}\t${Architecture}\t${db:Status-Abbrev}\n';

/** dpkg-query's lines `name\tversion\tarch\tstatus`: only packages whose status says installed (`ii`, `hi`). */
export function parseDpkgList(text: string): Inventory['packages'] {
  const packages: Inventory['packages'] = [];
  for (const line of text.split('\n')) {
    const [name, version, arch, status] = line.split('\t');
    if (!name || !version || !status || !/^[ih]i/.test(status)) continue;
    packages.push({ name, version, arch: arch ?? '' });
  }
  return packages;
}

/** rpm's lines `name\tversion-release\tarch` (gpg-pubkey entries are keys, not software). */
export function parseRpmList(text: string): Inventory['packages'] {
  const packages: Inventory['packages'] = [];
  for (const line of text.split('\n')) {
    const [name, version, arch] = line.split('\t');
    if (!name || !version || name === 'gpg-pubkey') continue;
    packages.push({ name, version, arch: arch === '(none)' ? 'noarch' : (arch ?? '') });
  }
  return packages;
}

/** The installed packages from dpkg, else rpm, else none (packageManager null). */
export async function installedPackages(): Promise<Pick<Inventory, 'packageManager' | 'packages'>> {
  const dpkg = await runProgram(['dpkg-query', '-W', '-f', DPKG_FORMAT], LIST_OPTIONS);
  if (dpkg.exitCode === 0) return { packageManager: 'dpkg', packages: sorted(parseDpkgList(dpkg.stdout)) };
  const rpm = await runProgram(['rpm', '-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\t%{ARCH}\n'], LIST_OPTIONS);
  if (rpm.exitCode === 0) return { packageManager: 'rpm', packages: sorted(parseRpmList(rpm.stdout)) };
  return { packageManager: null, packages: [] };
}

function sorted(packages: Inventory['packages']): Inventory['packages'] {
  return packages
    .filter((p) => p.name.length <= 255 && p.version.length <= 255 && p.arch.length <= 50)
    .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch))
    .slice(0, 20_000);
}
