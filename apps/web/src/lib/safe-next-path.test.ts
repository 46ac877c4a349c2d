import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('the page to go to after signing in', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeNextPath('/portal/tickets/01abc?answer=confirm')).toBe('/portal/tickets/01abc?answer=confirm');
  });

  it('refuses anything a browser would take to another site', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'evil', '/\tevil', null]) {
      expect(safeNextPath(next)).toBeNull();
    }
  });
});
