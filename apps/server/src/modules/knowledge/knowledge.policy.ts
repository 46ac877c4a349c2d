/**
 * Who reads and writes knowledge-base articles (DOMAIN §3: solutions worth reuse become articles).
 * - An article belongs to one client, or to every client of the provider (client_id null).
 * - Staff read every article of the clients they reach, and the provider-wide ones, public or internal.
 * - Client people read only public articles, of their own client or provider-wide.
 * - Staff write (a technician too, within their clients); only managers and admins delete.
 * Out of reach reads as "not found", like the register.
 */
import { type Actor, type ClientScope, clientScopeOf, inScope, isProviderManager, isStaff } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';

/** Which articles a list may show: those of these clients plus the provider-wide ones, maybe only public ones. */
export interface ArticleScope {
  clientIds: ClientScope;
  publicOnly: boolean;
}

export function articleScopeOf(actor: Actor): ArticleScope {
  return { clientIds: clientScopeOf(actor), publicOnly: !isStaff(actor) };
}

export function canReadArticle(actor: Actor, article: { client_id: string | null; visibility: string }): boolean {
  if (article.client_id !== null && !inScope(clientScopeOf(actor), article.client_id)) return false;
  return isStaff(actor) || article.visibility === 'public';
}

export function assertCanReadArticle(
  actor: Actor,
  article: { client_id: string | null; visibility: string } | undefined,
): asserts article is { client_id: string | null; visibility: string } {
  if (!article || !canReadArticle(actor, article)) throw notFound('Article');
}

/** Writing an article for a client (or for all of them when clientId is null). */
export function assertCanWriteArticle(actor: Actor, clientId: string | null): void {
  if (clientId !== null && !inScope(clientScopeOf(actor), clientId)) throw notFound('Client');
  if (!isStaff(actor)) throw forbidden('Only provider staff write knowledge-base articles');
}

export function assertCanDeleteArticle(actor: Actor): void {
  if (!isProviderManager(actor)) throw forbidden('Only managers and admins delete knowledge-base articles');
}

/**
 * The ticket an article came from is shown to staff, and to those of the ticket's client who read all of its
 * tickets (not to a requester, who may not read that ticket).
 */
export function seesSourceTicket(actor: Actor, ticketClientId: string | null): boolean {
  if (isStaff(actor)) return true;
  if (actor.role === 'requester') return false;
  return ticketClientId !== null && actor.clientId === ticketClientId;
}
