/**
 * Who reads which file: whoever reads the ticket reads its public files; internal files (of internal notes) are the
 * provider's. Out of reach reads as "not found", like the ticket itself. Adding files: whoever may reply on the
 * ticket adds public files; internal ones are the provider's.
 */
import type { Actor } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { seesInternal } from '../tickets/ticket.policy.js';

export function assertCanSeeAttachment(actor: Actor, attachment: { public: number } | undefined): void {
  if (!attachment || (attachment.public !== 1 && !seesInternal(actor))) throw notFound('Attachment');
}

export function assertCanAddInternalFiles(actor: Actor): void {
  if (!seesInternal(actor)) throw forbidden('Internal files are for the provider');
}

export { seesInternal };
