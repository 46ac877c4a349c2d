import { isClientRole, type Role } from '@vigie/domain';
import { type Actor, isAdmin, isProviderManager, isStaff } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';

/** Only admins manage people; nobody gives a role above their own. */
export function assertCanManageUsers(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only administrators manage users');
}

/** Managers read the staff list (to compose teams); only admins change people. */
export function assertCanReadUsers(actor: Actor): void {
  if (!isProviderManager(actor)) throw forbidden('Only administrators and managers see the people of the provider');
}

export function assertCanManageTeams(actor: Actor): void {
  if (!isProviderManager(actor)) throw forbidden('Only administrators and managers manage teams');
}

export function assertCanReadTeams(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('Teams are visible to provider staff only');
}

/** A client person must belong to a client; staff must not. */
export function roleClientProblem(role: Role, clientId: string | null): string | null {
  if (isClientRole(role) && !clientId) return 'a client person needs a clientId';
  if (!isClientRole(role) && clientId) return 'provider staff do not belong to a client';
  return null;
}

/** Admin-scoped tokens only for admins; tokens never outlive a year unless an admin asks. */
export function assertCanCreateToken(actor: Actor, scopes: readonly string[], expiresInDays: number | null): void {
  if (scopes.includes('admin') && !isAdmin(actor))
    throw forbidden('Only administrators can create admin-scoped tokens');
  if (expiresInDays === null && !isAdmin(actor))
    throw forbidden('Only administrators can create tokens that never expire');
}
