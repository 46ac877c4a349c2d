export * from './assets.js';
export * from './audit.js';
export * from './auth.js';
export * from './clients.js';
export * from './common.js';
export * from './contracts.js';
export * from './imports.js';
export * from './users.js';
