import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../src/core/actor.js';
import { installCommand } from '../src/modules/monitoring/agent/install-command.js';
import { DIALECTS } from './databases.js';
import { factories } from './factories.js';
import { type Harness, startHarness } from './harness.js';

describe.each(DIALECTS)('agent install files (%s)', (dialect) => {
  let harness: Harness;
  let dir: string;
  beforeAll(async () => {
    harness = await startHarness(dialect);
    dir = mkdtempSync(join(tmpdir(), 'vigie-agent-install-'));
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves an install script that sh accepts and that refuses missing arguments with a clear line', async () => {
    const response = await fetch(`${harness.baseUrl}/agent/install.sh`);
    expect(response.status).toBe(200);
    const script = await response.text();
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('set -eu');
    const file = join(dir, 'install.sh');
    writeFileSync(file, script);
    expect(spawnSync('sh', ['-n', file]).status).toBe(0);

    const noToken = spawnSync('sh', [file, '--server', harness.baseUrl], { encoding: 'utf8' });
    expect(noToken.status).toBe(1);
    expect(noToken.stderr).toContain('--token TOKEN is required');
    const unknown = spawnSync('sh', [file, '--sever', 'x'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown argument: --sever');
  });

  it('serves the agent as one file that runs under plain node', async () => {
    const response = await fetch(`${harness.baseUrl}/agent/vigie-agent.mjs`);
    expect(response.status).toBe(200);
    const bundle = Buffer.from(await response.arrayBuffer());
    expect(bundle.length).toBeLessThan(1024 * 1024);
    const file = join(dir, 'vigie-agent.mjs');
    writeFileSync(file, bundle);
    // Plain node, from a directory with no node_modules: everything the agent needs is inside the file.
    const help = execFileSync(process.execPath, [file, '--help'], { cwd: dir, encoding: 'utf8' });
    expect(help).toContain('vigie-agent enroll --server URL --token TOKEN');
    const bad = spawnSync(process.execPath, [file, 'enroll', '--server', 'not a url', '--token', 'x'.repeat(20)], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'vigie-agent: --server must be a URL such as https://vigie.example.com (got "not a url")',
    );
  });

  // As root (the script refuses otherwise), into a temporary prefix and state directory; no systemd in the test machine,
  // so it ends by saying how to start the agent by hand.
  it.skipIf(process.getuid?.() !== 0)(
    'installs and enrolls the agent when run as the console shows it',
    async () => {
      const client = await factories(harness.services).client();
      const { token } = await harness.services.monitoring.agents.createEnrollment(systemCtx, {
        clientId: client.id,
        label: 'install test',
        expiresInHours: 1,
      });
      const prefix = join(dir, 'prefix');
      const stateDir = join(dir, 'state');
      const script = join(dir, 'install-run.sh');
      writeFileSync(script, await (await fetch(`${harness.baseUrl}/agent/install.sh`)).text());
      // Not spawnSync: the server answering the script's downloads and enrollment runs in this process.
      const run = await new Promise<{ status: number | null; output: string }>((done) => {
        const child = spawn('sh', [script, '--server', harness.baseUrl, '--token', token], {
          env: { PATH: process.env.PATH, VIGIE_AGENT_PREFIX: prefix, VIGIE_AGENT_STATE_DIR: stateDir },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
        });
        child.stderr.on('data', (chunk) => {
          output += chunk;
        });
        child.on('close', (status) => done({ status, output }));
      });
      expect(run.output).toContain('installed');
      expect(run.status).toBe(0);
      expect(statSync(join(prefix, 'bin', 'vigie-agent')).mode & 0o111).not.toBe(0);
      expect(existsSync(join(prefix, 'lib', 'vigie-agent', 'vigie-agent.mjs'))).toBe(true);
      const identity = JSON.parse(readFileSync(join(stateDir, 'agent.json'), 'utf8'));
      expect(identity.server).toBe(harness.baseUrl);
      expect(run.output).toContain(`enrolled as agent ${identity.agentId}`);
      const status = execFileSync(join(prefix, 'bin', 'vigie-agent'), ['status', '--state-dir', stateDir], {
        encoding: 'utf8',
      });
      expect(status).toContain(`agent:      ${identity.agentId}`);
    },
    60_000,
  );

  it('serves the systemd unit: restarted always, but not once the credential is revoked', async () => {
    const response = await fetch(`${harness.baseUrl}/agent/vigie-agent.service`);
    expect(response.status).toBe(200);
    const unit = await response.text();
    expect(unit).toContain('ExecStart=/usr/local/bin/vigie-agent run');
    expect(unit).toContain('Restart=always');
    expect(unit).toContain('RestartPreventExitStatus=78');
    expect(unit).toContain('StateDirectory=vigie-agent');
  });
});

describe('installCommand', () => {
  it('is the one line the console shows, with the server address and the token', () => {
    expect(installCommand('https://vigie.example.com/', 'tok_abc-123.XYZ')).toBe(
      'curl -fsSL https://vigie.example.com/agent/install.sh | sudo sh -s -- --server https://vigie.example.com --token tok_abc-123.XYZ',
    );
  });

  it('quotes what sh would otherwise interpret', () => {
    expect(installCommand('https://vigie.example.com', "a'b;rm -rf /")).toBe(
      "curl -fsSL https://vigie.example.com/agent/install.sh | sudo sh -s -- --server https://vigie.example.com --token 'a'\\''b;rm -rf /'",
    );
  });
});
