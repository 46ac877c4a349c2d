export * from './asset-relations.js';
export * from './asset-types.js';
export * from './calendar.js';
export * from './contract.js';
export * from './login-throttle.js';
export * from './roles.js';
