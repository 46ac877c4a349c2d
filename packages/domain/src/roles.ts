/** Provider staff roles (DOMAIN §1). Admins and managers see every client; technicians the clients of their teams. */
export const STAFF_ROLES = ['admin', 'manager', 'technician'] as const;
/** Client people: each belongs to exactly one client. */
export const CLIENT_ROLES = ['requester', 'client_manager', 'client_it'] as const;
export const ROLES = [...STAFF_ROLES, ...CLIENT_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type ClientRole = (typeof CLIENT_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const SUPPORT_LEVELS = [1, 2, 3] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export function isClientRole(role: Role): role is ClientRole {
  return (CLIENT_ROLES as readonly string[]).includes(role);
}

/** Staff who see every client without team membership. */
export function seesAllClients(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}
