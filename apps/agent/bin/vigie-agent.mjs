#!/usr/bin/env node
// `vigie-agent` from the sources (development): runs the TypeScript through tsx. Machines run the bundle instead
// (scripts/bundle.mjs → dist/vigie-agent.mjs), which needs nothing but node.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
