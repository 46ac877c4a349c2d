import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAptSimulation, parseDnfCheckUpdate, parseDnfSecurityNames } from './updates.js';

describe('pending updates', () => {
  it('reads apt-get -s dist-upgrade: versions, new packages, security pockets of Debian and Ubuntu', () => {
    const text = readFileSync(new URL('./fixtures/apt-dist-upgrade.txt', import.meta.url), 'utf8');
    expect(parseAptSimulation(text)).toEqual([
      { name: 'libssl3', currentVersion: '3.0.11-1~deb12u1', candidateVersion: '3.0.15-1~deb12u1', security: true },
      { name: 'openssl', currentVersion: '3.0.11-1~deb12u1', candidateVersion: '3.0.15-1~deb12u1', security: true },
      { name: 'tzdata', currentVersion: '2024a-0+deb12u1', candidateVersion: '2024b-0+deb12u1', security: false },
      { name: 'linux-image-6.1.0-28-amd64', currentVersion: null, candidateVersion: '6.1.119-1', security: true },
      { name: 'linux-image-amd64', currentVersion: '6.1.112-1', candidateVersion: '6.1.119-1', security: false },
      { name: 'libc6', currentVersion: '2.36-9+deb12u7', candidateVersion: '2.36-9+deb12u10', security: true },
      { name: 'curl', currentVersion: '7.81.0-1ubuntu1.15', candidateVersion: '7.81.0-1ubuntu1.18', security: true },
    ]);
  });

  it('reads dnf check-update, marking the packages named by security advisories', () => {
    const security = parseDnfSecurityNames(
      [
        'FEDORA-2024-1a2b3c4d5e Important/Sec. openssl-libs-1:3.1.4-3.fc39.x86_64',
        'FEDORA-2024-1a2b3c4d5e Important/Sec. openssl-1:3.1.4-3.fc39.x86_64',
      ].join('\n'),
    );
    expect([...security].sort()).toEqual(['openssl', 'openssl-libs']);
    const updates = parseDnfCheckUpdate(
      [
        '',
        'openssl.x86_64                  1:3.1.4-3.fc39           updates',
        'openssl-libs.x86_64             1:3.1.4-3.fc39           updates',
        'tzdata.noarch                   2024a-2.fc39             updates',
        'Obsoleting Packages',
        'grub2-tools.x86_64              1:2.06-120.fc39          updates',
      ].join('\n'),
      security,
    );
    expect(updates).toEqual([
      { name: 'openssl', currentVersion: null, candidateVersion: '1:3.1.4-3.fc39', security: true },
      { name: 'openssl-libs', currentVersion: null, candidateVersion: '1:3.1.4-3.fc39', security: true },
      { name: 'tzdata', currentVersion: null, candidateVersion: '2024a-2.fc39', security: false },
    ]);
  });
});
