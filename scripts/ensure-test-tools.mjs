#!/usr/bin/env node
// The tests use real programs from Debian's packages: Chromium for the browser tests, Dovecot as the IMAP server the
// mail poller is tested against. Installs what is missing when allowed (root with apt-get); else explains.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = [
  { path: '/usr/bin/chromium', pkg: 'chromium', what: 'the browser tests', required: true },
  {
    path: '/usr/sbin/dovecot',
    pkg: 'dovecot-imapd',
    what: 'the IMAP poller tests (skipped without it)',
    required: false,
  },
  { path: '/usr/sbin/snmpd', pkg: 'snmpd', what: 'the SNMP check tests (skipped without it)', required: false },
  { path: '/usr/bin/ping', pkg: 'iputils-ping', what: 'the ICMP check tests (skipped without it)', required: false },
  {
    path: '/usr/lib/nagios/plugins/check_load',
    pkg: 'monitoring-plugins-basic',
    what: 'the agent plugin tests (skipped without it)',
    required: false,
  },
];

const missing = TOOLS.filter((tool) => !existsSync(tool.path));
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const packages = missing.map((tool) => tool.pkg).join(' ');
  if (canInstall) {
    process.stdout.write(`Installing ${packages} from Debian packages for the tests…\n`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, {
      stdio: 'inherit',
    });
  } else {
    for (const tool of missing) {
      process.stderr.write(`${tool.path} not found (${tool.what}): sudo apt-get install -y ${tool.pkg}\n`);
    }
    if (missing.some((tool) => tool.required)) process.exit(1);
  }
}
