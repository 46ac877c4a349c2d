#!/usr/bin/env node
// Browser tests run in Debian's Chromium. Installs it when missing and allowed (root with apt-get); else explains.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    process.stderr.write(
      `Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\`, then run the tests again.\n`,
    );
    process.exit(1);
  }
  process.stdout.write('Installing Chromium from Debian packages for the browser tests…\n');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
}
