import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to SQLite in ./data on port 8080 with the demo', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ kind: 'sqlite' });
    expect(config.database.kind === 'sqlite' && config.database.file.endsWith('/data/vigie.sqlite')).toBe(true);
    expect(config.http.port).toBe(8080);
    expect(config.demo).toBe(true);
    expect(config.admin.email).toBe('admin@vigie.local');
  });

  it('switches to PostgreSQL with DATABASE_URL and accepts PORT', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/vigie', PORT: '9000', VIGIE_DEMO: 'off' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/vigie' });
    expect(config.http.port).toBe(9000);
    expect(config.demo).toBe(false);
  });

  it('names every bad variable in one message', () => {
    const attempt = () =>
      loadConfig({
        VIGIE_HTTP_PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        VIGIE_DEMO: 'maybe',
        VIGIE_ADMIN_PASSWORD: 'short',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['VIGIE_HTTP_PORT', 'DATABASE_URL', 'VIGIE_DEMO', 'VIGIE_ADMIN_PASSWORD'])
        expect(message).toContain(name);
    }
  });
});
