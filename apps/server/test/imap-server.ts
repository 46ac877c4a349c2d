/**
 * A throw-away Dovecot IMAP server for the tests (Debian's dovecot-imapd): its own configuration, a free port, one
 * passwd-file user and maildirs in a temporary folder. `available()` says whether the binary is installed here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOVECOT = '/usr/sbin/dovecot';

export interface ImapServer {
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Dovecot did not listen on ${port} within ${timeoutMs} ms`);
}

export async function startImapServer(): Promise<ImapServer> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-imap-'));
  await chmod(dir, 0o755);
  const mail = join(dir, 'mail');
  await mkdir(mail);
  await mkdir(join(dir, 'run'));
  await mkdir(join(dir, 'state'));
  // Mail is owned by the unprivileged `nobody` when running as root (Dovecot refuses uid 0 for mail), else by us.
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? 65534 : (process.getuid?.() ?? 1000);
  const gid = asRoot ? 65534 : (process.getgid?.() ?? 1000);
  if (asRoot) await chown(mail, uid, gid);
  const user = 'poller';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const port = await freePort();
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${mail}/%u
first_valid_uid = 1
${asRoot ? '' : `default_login_user = ${process.env.USER ?? 'nobody'}\ndefault_internal_user = ${process.env.USER ?? 'nobody'}`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
  await writeFile(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  try {
    await waitForPort(port, 10_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    host: '127.0.0.1',
    port,
    user,
    password,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
