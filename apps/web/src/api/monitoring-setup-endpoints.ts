import type {
  AgentView,
  AssetMonitoring,
  AvailabilityView,
  CheckInput,
  CheckView,
  EnrollmentCreated,
  EnrollmentInput,
  EnrollmentView,
  MaintenanceInput,
  MaintenancePatch,
  MaintenanceView,
  MetricSeriesView,
  NotificationDeliveryView,
  NotificationRuleInput,
  NotificationRulePatch,
  NotificationRuleView,
  Page,
} from '@vigie/contracts';
import type { z } from 'zod';
import { api, withQuery } from './http';

export type {
  AgentView,
  AssetMonitoring,
  AvailabilityView,
  CheckConfig,
  CheckInput,
  CheckKind,
  CheckView,
  EnrollmentView,
  MaintenanceInput,
  MaintenanceView,
  MetricSeriesView,
  NotificationRuleInput,
} from '@vigie/contracts';
export type EnrollmentCreatedView = z.infer<typeof EnrollmentCreated>;
export type EnrollmentCreateInput = z.input<typeof EnrollmentInput>;
export type NotificationRule = z.infer<typeof NotificationRuleView>;
export type NotificationDelivery = z.infer<typeof NotificationDeliveryView>;

type Query = Record<string, string | number | boolean | null | undefined>;
const BASE = '/monitoring';

/** Supervision set-up: checks, maintenance windows, agents and enrollment, notification rules, an asset's tab. */
export const checksApi = {
  list: (query: Query) => api<Page<CheckView>>(withQuery(`${BASE}/checks`, query)),
  get: (id: string) => api<CheckView>(`${BASE}/checks/${id}`),
  create: (input: CheckInput) => api<CheckView>(`${BASE}/checks`, { method: 'POST', body: input }),
  update: (id: string, input: Partial<Omit<CheckInput, 'assetId'>>) =>
    api<CheckView>(`${BASE}/checks/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`${BASE}/checks/${id}`, { method: 'DELETE' }),
  run: (id: string) => api<CheckView>(`${BASE}/checks/${id}/run`, { method: 'POST' }),
};

export const maintenanceApi = {
  list: (query: Query) => api<{ items: MaintenanceView[] }>(withQuery(`${BASE}/maintenance`, query)),
  create: (input: MaintenanceInput) => api<MaintenanceView>(`${BASE}/maintenance`, { method: 'POST', body: input }),
  update: (id: string, input: MaintenancePatch) =>
    api<MaintenanceView>(`${BASE}/maintenance/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`${BASE}/maintenance/${id}`, { method: 'DELETE' }),
};

export const agentsApi = {
  list: (query: Query) => api<{ items: AgentView[] }>(withQuery(`${BASE}/agents`, query)),
  revoke: (id: string) => api<AgentView>(`${BASE}/agents/${id}/revoke`, { method: 'POST' }),
  rotate: (id: string) => api<AgentView>(`${BASE}/agents/${id}/rotate`, { method: 'POST' }),
};

export const enrollmentsApi = {
  list: (query: Query) => api<{ items: EnrollmentView[] }>(withQuery(`${BASE}/enrollments`, query)),
  create: (input: EnrollmentCreateInput) =>
    api<EnrollmentCreatedView>(`${BASE}/enrollments`, { method: 'POST', body: input }),
  revoke: (id: string) => api<EnrollmentView>(`${BASE}/enrollments/${id}/revoke`, { method: 'POST' }),
};

export const notificationRulesApi = {
  list: () => api<{ items: NotificationRule[] }>(`${BASE}/notification-rules`),
  create: (input: NotificationRuleInput) =>
    api<NotificationRule>(`${BASE}/notification-rules`, { method: 'POST', body: input }),
  update: (id: string, input: NotificationRulePatch) =>
    api<NotificationRule>(`${BASE}/notification-rules/${id}`, { method: 'PATCH', body: input }),
  remove: (id: string) => api<void>(`${BASE}/notification-rules/${id}`, { method: 'DELETE' }),
  deliveries: (query: Query) => api<Page<NotificationDelivery>>(withQuery(`${BASE}/notifications`, query)),
  retry: (id: string) => api<NotificationDelivery>(`${BASE}/notifications/${id}/retry`, { method: 'POST' }),
};

export const assetMonitoringApi = {
  get: (assetId: string) => api<AssetMonitoring>(`${BASE}/assets/${assetId}`),
  metrics: (assetId: string, query: { names: string; from?: string; to?: string }) =>
    api<{ series: MetricSeriesView[] }>(withQuery(`${BASE}/assets/${assetId}/metrics`, query)),
  availability: (query: { clientId: string; month: string }) =>
    api<AvailabilityView>(withQuery(`${BASE}/availability`, query)),
};

/** A list answered as `{ items }` or as a bare array (both shapes are tolerated, as for teams). */
export function itemsOf<T>(value: { items: T[] } | T[] | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}
