export * from './addresses.js';
export * from './automated-mail.js';
export * from './mail-subject.js';
export * from './message-ids.js';
export * from './reply-text.js';
