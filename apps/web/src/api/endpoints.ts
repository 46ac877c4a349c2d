import { api, withQuery } from './http';
import type {
  ApiToken,
  Asset,
  AssetImpact,
  AssetInput,
  AssetRelation,
  AssetTypeInfo,
  AuditEvent,
  Client,
  ClientInput,
  Contact,
  ContactInput,
  Contract,
  ContractInput,
  CreateApiToken,
  CreatedApiToken,
  CreateUser,
  ImportReport,
  Page,
  SessionInfo,
  Site,
  SiteInput,
  Team,
  TeamInput,
  UpdateUser,
  User,
} from './types';

type Query = Record<string, string | number | boolean | null | undefined>;

export const authApi = {
  login: (email: string, password: string) =>
    api<SessionInfo>('/auth/login', { method: 'POST', body: { email, password }, allowUnauthorized: true }),
  session: () => api<SessionInfo>('/auth/session', { allowUnauthorized: true }),
  logout: () => api<void>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
};

export const clientsApi = {
  list: (query: Query) => api<Page<Client>>(withQuery('/clients', query)),
  get: (id: string) => api<Client>(`/clients/${id}`),
  create: (input: ClientInput) => api<Client>('/clients', { method: 'POST', body: input }),
  update: (id: string, input: Partial<ClientInput>) => api<Client>(`/clients/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/clients/${id}`, { method: 'DELETE' }),
};

export const sitesApi = {
  list: (clientId: string, query: Query = {}) => api<Page<Site>>(withQuery(`/clients/${clientId}/sites`, query)),
  create: (clientId: string, input: SiteInput) =>
    api<Site>(`/clients/${clientId}/sites`, { method: 'POST', body: input }),
  update: (id: string, input: Partial<SiteInput>) => api<Site>(`/sites/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/sites/${id}`, { method: 'DELETE' }),
};

export const contactsApi = {
  list: (clientId: string, query: Query = {}) => api<Page<Contact>>(withQuery(`/clients/${clientId}/contacts`, query)),
  create: (clientId: string, input: ContactInput) =>
    api<Contact>(`/clients/${clientId}/contacts`, { method: 'POST', body: input }),
  update: (id: string, input: Partial<ContactInput>) =>
    api<Contact>(`/contacts/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/contacts/${id}`, { method: 'DELETE' }),
};

export const contractsApi = {
  list: (clientId: string, query: Query = {}) =>
    api<Page<Contract>>(withQuery(`/clients/${clientId}/contracts`, query)),
  get: (id: string) => api<Contract>(`/contracts/${id}`),
  create: (clientId: string, input: ContractInput) =>
    api<Contract>(`/clients/${clientId}/contracts`, { method: 'POST', body: input }),
  update: (id: string, input: Partial<ContractInput>) =>
    api<Contract>(`/contracts/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/contracts/${id}`, { method: 'DELETE' }),
};

export const assetsApi = {
  list: (query: Query) => api<Page<Asset>>(withQuery('/assets', query)),
  get: (id: string) => api<Asset>(`/assets/${id}`),
  create: (input: AssetInput) => api<Asset>('/assets', { method: 'POST', body: input }),
  update: (id: string, input: Partial<AssetInput>) => api<Asset>(`/assets/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/assets/${id}`, { method: 'DELETE' }),
  relations: (id: string) => api<{ items: AssetRelation[] } | AssetRelation[]>(`/assets/${id}/relations`),
  impact: (id: string) => api<AssetImpact>(`/assets/${id}/impact`),
  types: () => api<{ types: AssetTypeInfo[] }>('/asset-types'),
  addRelation: (input: { sourceId: string; kind: string; targetId: string }) =>
    api<AssetRelation>('/asset-relations', { method: 'POST', body: input }),
  removeRelation: (id: string) => api<void>(`/asset-relations/${id}`, { method: 'DELETE' }),
};

export type ImportKind = 'assets' | 'contacts';

export const importsApi = {
  run: (clientId: string, kind: ImportKind, csv: string, dryRun: boolean) =>
    api<ImportReport>(withQuery(`/clients/${clientId}/imports/${kind}`, { dryRun }), {
      method: 'POST',
      text: { body: csv, contentType: 'text/csv' },
    }),
};

export const auditApi = {
  list: (query: Query) => api<Page<AuditEvent>>(withQuery('/audit', query)),
};

export const usersApi = {
  list: (query: Query) => api<Page<User>>(withQuery('/users', query)),
  create: (input: CreateUser) => api<User>('/users', { method: 'POST', body: input }),
  update: (id: string, input: UpdateUser) => api<User>(`/users/${id}`, { method: 'PATCH', body: input }),
  revokeSessions: (id: string) => api<void>(`/users/${id}/revoke-sessions`, { method: 'POST' }),
  /** Mails the person a link to choose their password (valid 7 days; voids an earlier one). */
  invite: (id: string) => api<void>(`/users/${id}/invitation`, { method: 'POST' }),
};

export const teamsApi = {
  list: (query: Query = {}) => api<Page<Team> | { items: Team[] }>(withQuery('/teams', query)),
  create: (input: TeamInput) => api<Team>('/teams', { method: 'POST', body: input }),
  update: (id: string, input: Partial<TeamInput>) => api<Team>(`/teams/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`/teams/${id}`, { method: 'DELETE' }),
};

export const tokensApi = {
  list: () => api<Page<ApiToken> | { items: ApiToken[] }>('/tokens'),
  create: (input: CreateApiToken) => api<CreatedApiToken>('/tokens', { method: 'POST', body: input }),
  revoke: (id: string) => api<void>(`/tokens/${id}`, { method: 'DELETE' }),
};
