/**
 * A throw-away SNMP agent for the tests: Debian's real `snmpd` (package snmpd) on a free loopback UDP port, with its
 * own configuration and persistent directory in a temporary folder — community `public` read-only from 127.0.0.1,
 * sysServices 72 and a sysLocation string. `snmpdAvailable()` says whether the binary is installed here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import snmp from 'net-snmp';

const SNMPD = '/usr/sbin/snmpd';

/** The sysServices value and sysLocation text the agent is configured with. */
export const SNMP_SYS_SERVICES = 72;
export const SNMP_LOCATION = 'Salle serveur, baie 2';

export interface SnmpAgent {
  port: number;
  stop(): Promise<void>;
}

export function snmpdAvailable(): boolean {
  return existsSync(SNMPD);
}

/** A UDP port nobody is bound to right now. */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const session = snmp.createSession('127.0.0.1', 'public', {
      port,
      version: snmp.Version2c,
      timeout: 200,
      retries: 0,
    });
    session.on('error', () => undefined);
    session.get(['1.3.6.1.2.1.1.3.0'], (error) => {
      session.close();
      resolve(!error);
    });
  });
}

export async function startSnmpAgent(): Promise<SnmpAgent> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-snmpd-'));
  const port = await freeUdpPort();
  const config = join(dir, 'snmpd.conf');
  await writeFile(
    config,
    ['rocommunity public 127.0.0.1', `sysservices ${SNMP_SYS_SERVICES}`, `syslocation ${SNMP_LOCATION}`, ''].join('\n'),
  );
  const child: ChildProcess = spawn(
    SNMPD,
    ['-f', '-Lf', join(dir, 'snmpd.log'), '-C', '-c', config, '-p', join(dir, 'snmpd.pid'), `udp:127.0.0.1:${port}`],
    { stdio: 'ignore', env: { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: '' } },
  );
  const until = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      const log = await readFile(join(dir, 'snmpd.log'), 'utf8').catch(() => '');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`snmpd did not answer on udp:127.0.0.1:${port}:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
