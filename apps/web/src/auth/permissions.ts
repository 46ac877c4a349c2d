import type { Me } from '../api/types';
import { isClientRole } from '../lib/enums';

export type NavKey = 'clients' | 'assets' | 'audit' | 'users' | 'teams' | 'tokens' | 'myCompany';

/** Which navigation entries a role sees. */
export function navFor(user: Me): NavKey[] {
  switch (user.role) {
    case 'admin':
      return ['clients', 'assets', 'audit', 'users', 'teams', 'tokens'];
    case 'manager':
      return ['clients', 'assets', 'audit', 'teams', 'tokens'];
    case 'technician':
      return ['clients', 'assets', 'tokens'];
    default:
      return ['myCompany'];
  }
}

export function canEdit(user: Me): boolean {
  return !isClientRole(user.role);
}

export function canSeeAudit(user: Me): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** Where a user lands after sign-in. */
export function homePath(user: Me): string {
  if (isClientRole(user.role)) return user.clientId ? `/clients/${user.clientId}` : '/assets';
  return '/clients';
}
