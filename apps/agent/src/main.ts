#!/usr/bin/env node
// `vigie-agent`'s entry point: the command line in cli.ts. Exits explicitly once the command is over, so an idle
// keep-alive socket or a pending retry timer cannot keep a stopped daemon alive.
import { main } from './cli.js';

process.exit(await main(process.argv.slice(2)));
