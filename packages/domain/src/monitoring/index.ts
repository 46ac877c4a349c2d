export * from './check-state.js';
export * from './flapping.js';
export * from './maintenance.js';
export * from './reachability.js';
