/** Sent on enrollment and with every batch, so the console's agent list shows which machines run an old agent. */
export const AGENT_VERSION = '0.1.0';
