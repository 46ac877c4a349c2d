export * from './report-figures.js';
export * from './report-month.js';
export * from './report-send-day.js';
export * from './wall-time.js';
