import { defaultCalendar, defaultSlaPolicy } from '@vigie/domain';
import { systemCtx } from '../core/actor.js';
import type { Services } from '../http/services.js';
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TEAMS, DEMO_VENDORS, type DemoClient } from './demo-data.js';
import { loadDemoMonitoring } from './demo-monitoring.js';
import { loadDemoReportHistory } from './demo-report-history.js';
import { loadDemoTickets } from './demo-tickets.js';

/**
 * Loads the demo provider through the services (so it is validated and audited like any user input).
 * Returns false when it is already there.
 */
export async function loadDemo(services: Services): Promise<boolean> {
  if (await services.clients.idByCode('ACME')) return false;
  const vendorIds = new Map<string, string>();
  for (const vendor of DEMO_VENDORS) {
    vendorIds.set(vendor.name, (await services.vendors.create(systemCtx, vendor)).id);
  }
  const clientIds = new Map<string, string>();
  for (const client of DEMO_CLIENTS) clientIds.set(client.code, await loadClient(services, client, vendorIds));

  const userIds = new Map<string, string>();
  for (const person of DEMO_STAFF) {
    const user = await services.users.create(systemCtx, {
      email: person.email,
      name: person.name,
      role: person.role,
      clientId: null,
      supportLevel: person.supportLevel,
      specialties: ('specialties' in person && person.specialties) || [],
      locale: 'fr',
      password: DEMO_PASSWORD,
    });
    userIds.set(person.email, user.id);
  }
  for (const team of DEMO_TEAMS) {
    await services.teams.create(systemCtx, {
      name: team.name,
      description: null,
      memberIds: team.members.map((email) => userIds.get(email) ?? ''),
      clientIds: team.clients.map((code) => clientIds.get(code) ?? ''),
    });
  }
  for (const client of DEMO_CLIENTS) {
    await services.users.create(systemCtx, {
      email: client.person.email,
      name: client.person.name,
      role: client.person.role,
      clientId: clientIds.get(client.code) ?? null,
      supportLevel: null,
      specialties: [],
      locale: 'fr',
      password: DEMO_PASSWORD,
    });
  }
  // Last month's tickets first (lower numbers), then the desk of the last few days.
  await loadDemoReportHistory(services, services.clock.now());
  await loadDemoTickets(services, services.clock.now());
  // This machine as a supervised asset, a maintenance window, a mail rule (the live part starts with the server).
  await loadDemoMonitoring(services);
  return true;
}

async function loadClient(services: Services, data: DemoClient, vendorIds: Map<string, string>): Promise<string> {
  const client = await services.clients.create(systemCtx, {
    code: data.code,
    name: data.name,
    legalName: data.legalName,
    timeZone: 'Europe/Paris',
    locale: 'fr',
    phone: data.phone,
    address: {
      line1: data.sites[0]?.line1,
      postalCode: data.sites[0]?.postalCode,
      city: data.sites[0]?.city,
      country: 'FR',
    },
    mailDomains: data.mailDomains,
    active: true,
  });
  const siteIds = new Map<string, string>();
  for (const site of data.sites) {
    const created = await services.sites.create(systemCtx, client.id, {
      name: site.name,
      address: { line1: site.line1, postalCode: site.postalCode, city: site.city, country: 'FR' },
    });
    siteIds.set(site.name, created.id);
  }
  const contacts = await services.contacts.createMany(
    systemCtx,
    client.id,
    data.contacts.map((c) => ({
      siteId: siteIds.get(c.site) ?? null,
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      jobTitle: c.jobTitle,
      locale: 'fr' as const,
      isPrimary: c.isPrimary ?? false,
    })),
  );
  // Metz is in Moselle, which keeps Good Friday and St Stephen's Day: its agency's contract counts FR-57 holidays.
  const calendar = {
    ...defaultCalendar(),
    holidayRegion: data.code === 'BATI' ? 'FR-57' : data.contract.holidayRegion,
  };
  await services.contracts.create(systemCtx, client.id, {
    ...data.contract,
    slaPolicy: defaultSlaPolicy(),
    calendar,
    hourBank:
      data.contract.hourBank === null
        ? null
        : { hours: data.contract.hourBank, warningPercent: 80, rollover: 'none', period: 'year' },
    // The current year, so that the contracts are in force whenever the demo is started.
    startsOn: `${new Date().getUTCFullYear()}-01-01`,
    endsOn: `${new Date().getUTCFullYear()}-12-31`,
    autoRenew: true,
    renewalNoticeDays: 90,
    status: 'active',
  });
  const owner = contacts[0]?.id ?? null;
  await services.assets.createMany(
    systemCtx,
    client.id,
    data.assets.map((a) => ({
      clientId: client.id,
      siteId: siteIds.get(a.site) ?? null,
      name: a.name,
      type: a.type,
      criticality: a.criticality,
      status: 'in_service' as const,
      ownerContactId: a.criticality >= 4 ? owner : null,
      vendorId: a.vendor ? (vendorIds.get(a.vendor) ?? null) : null,
      vendorContractRef: null,
      attributes: a.attributes ?? {},
    })),
  );
  const page = await services.assets.list(systemCtx, { clientId: client.id, limit: 200 });
  const assetIds = new Map(page.items.map((a) => [a.name, a.id]));
  for (const [source, kind, target] of data.relations) {
    const sourceId = assetIds.get(source);
    const targetId = assetIds.get(target);
    if (!sourceId || !targetId) throw new Error(`demo relation ${source} ${kind} ${target} names an unknown asset`);
    await services.relations.create(systemCtx, { sourceId, kind, targetId });
  }
  return client.id;
}
