import type { AssetInput, ClientInput, ContactInput, ContractInput, CreateUser } from '@vigie/contracts';
import type { Role } from '@vigie/domain';
import { systemCtx } from '../src/core/actor.js';
import type { Services } from '../src/http/services.js';

let sequence = 0;
const next = () => ++sequence;

export const PASSWORD = 'correct horse battery';

/** Test data through the real services, with overrides for what a test cares about. */
export function factories(services: Services) {
  return {
    async client(overrides: Partial<ClientInput> = {}) {
      const n = next();
      return services.clients.create(systemCtx, {
        code: `C${n}${Math.random().toString(36).slice(2, 6)}`.toUpperCase(),
        name: `Client ${n}`,
        legalName: `Client ${n} SAS`,
        timeZone: 'Europe/Paris',
        locale: 'fr',
        address: {},
        mailDomains: [],
        active: true,
        ...overrides,
      } as never);
    },
    async user(role: Role, clientId: string | null = null, overrides: Partial<CreateUser> = {}) {
      const n = next();
      return services.users.create(systemCtx, {
        email: `user${n}@example.test`,
        name: `User ${n}`,
        role,
        clientId,
        supportLevel: role === 'technician' ? 1 : null,
        specialties: [],
        locale: 'en',
        password: PASSWORD,
        ...overrides,
      });
    },
    async site(clientId: string, name = `Site ${next()}`) {
      return services.sites.create(systemCtx, clientId, { name, address: {} } as never);
    },
    async contact(clientId: string, overrides: Partial<ContactInput> = {}) {
      const n = next();
      return services.contacts.create(systemCtx, clientId, {
        firstName: 'Ada',
        lastName: `Contact ${n}`,
        email: `contact${n}@example.test`,
        locale: 'fr',
        isPrimary: false,
        ...overrides,
      } as never);
    },
    async contract(clientId: string, overrides: Partial<ContractInput> = {}) {
      return services.contracts.create(systemCtx, clientId, {
        reference: `REF-${next()}`,
        name: 'Contract',
        kind: 'total',
        delivery: 'remote',
        scopeDomains: ['servers'],
        supportLevels: [1, 2, 3],
        hourBank: null,
        startsOn: '2026-01-01',
        endsOn: null,
        autoRenew: true,
        renewalNoticeDays: 90,
        status: 'active',
        ...overrides,
      } as never);
    },
    async asset(clientId: string, overrides: Partial<AssetInput> = {}) {
      return services.assets.create(systemCtx, {
        clientId,
        siteId: null,
        name: `asset-${next()}`,
        type: 'server',
        criticality: 2,
        status: 'in_service',
        ownerContactId: null,
        vendorId: null,
        attributes: {},
        ...overrides,
      } as never);
    },
  };
}
