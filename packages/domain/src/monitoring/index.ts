export * from './alert-lifecycle.js';
export * from './alert-priority.js';
export * from './availability.js';
export * from './check-state.js';
export * from './flapping.js';
export * from './maintenance.js';
export * from './perfdata.js';
export * from './reachability.js';
