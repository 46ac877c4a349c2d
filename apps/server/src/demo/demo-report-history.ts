/**
 * A month of history for ACME, so that the monthly SLA report of the demo has something to say: a dozen tickets
 * opened on the business days of the previous month, worked through the real services on a clock walking through
 * that month — some taken late (TTO breaches), one resolved past its deadline (TTR breach), escalations to N2 and a
 * manager brought in, time logged, ratings from 2 to 5 — all closed by the month's end.
 */
import { TicketInput } from '@vigie/contracts';
import {
  daysOfMonth,
  defaultCalendar,
  isOpenAt,
  lastCompleteMonth,
  type SeverityLevel,
  startOfLocalDate,
} from '@vigie/domain';
import type { Services } from '../http/services.js';
import { demoDesk } from './demo-desk.js';

const ZONE = 'Europe/Paris';
const MINUTE = 60_000;
const LEA = 'lea.bernard@vigie.local';
const KARIM = 'karim.haddad@vigie.local';
const PAUL = 'paul.martin@vigie.local';
const CLAIRE = 'claire.dubois@acme-logistique.fr';
const N2 = 'Infrastructure N2';

type Step = { after: number; by: string } & (
  | { take: true }
  | { resolve: string }
  | { confirm: true }
  | { rate: number }
  | { escalate: 2 | 3; team: string; diagnosis: string }
  | { managerIn: string }
  | { minutes: number; billable: boolean }
);

interface Story {
  /** Index among the month's business days, and the local opening time. */
  day: number;
  time: string;
  title: string;
  type?: 'incident' | 'request';
  impact: SeverityLevel;
  urgency: SeverityLevel;
  category: string;
  requester: string;
  steps: Step[];
}

const CATEGORIES: [string, string][] = [
  ['Postes de travail', 'workstations'],
  ['Réseau', 'network'],
  ['Serveurs et sauvegardes', 'servers'],
  ['Applications', 'applications'],
];

const DAY = 24 * 60;
const STORIES: Story[] = [
  {
    day: 0,
    time: '09:10',
    title: 'Mot de passe Windows expiré',
    impact: 3,
    urgency: 3,
    category: 'Postes de travail',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      { after: 10, by: LEA, take: true },
      { after: 30, by: LEA, minutes: 20, billable: false },
      { after: 35, by: LEA, resolve: 'Mot de passe réinitialisé, ouverture de session vérifiée avec l’utilisateur.' },
      { after: DAY, by: CLAIRE, confirm: true },
      { after: DAY + 5, by: CLAIRE, rate: 5 },
    ],
  },
  {
    day: 1,
    time: '10:00',
    title: 'Lenteurs sur l’ERP Sage',
    impact: 2,
    urgency: 2,
    category: 'Applications',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 20, by: LEA, take: true },
      {
        after: 60,
        by: LEA,
        escalate: 2,
        team: N2,
        diagnosis: 'Base SQL du serveur ERP saturée en E/S, index fragmentés.',
      },
      { after: 90, by: KARIM, take: true },
      { after: 280, by: KARIM, minutes: 120, billable: false },
      { after: 300, by: KARIM, resolve: 'Index reconstruits et plan de maintenance SQL planifié chaque nuit.' },
      { after: DAY + 60, by: CLAIRE, confirm: true },
      { after: DAY + 65, by: CLAIRE, rate: 4 },
    ],
  },
  {
    day: 2,
    time: '09:30',
    title: 'Imprimante Ricoh du 1er étage hors ligne',
    impact: 4,
    urgency: 4,
    category: 'Postes de travail',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      { after: 300, by: LEA, take: true },
      { after: DAY + 30, by: LEA, resolve: 'Adresse IP fixe réattribuée à l’imprimante après le changement de box.' },
      { after: 2 * DAY, by: CLAIRE, confirm: true },
      { after: 2 * DAY + 5, by: CLAIRE, rate: 4 },
    ],
  },
  {
    day: 3,
    time: '14:00',
    title: 'Messagerie inaccessible pour tout le site de Lyon',
    impact: 1,
    urgency: 1,
    category: 'Applications',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 45, by: LEA, take: true },
      { after: 60, by: LEA, managerIn: 'Incident majeur : toute l’agence de Lyon est privée de messagerie.' },
      {
        after: 70,
        by: LEA,
        escalate: 2,
        team: N2,
        diagnosis: 'Connecteur d’envoi Exchange Online rejeté : certificat expiré.',
      },
      { after: 80, by: KARIM, take: true },
      { after: 190, by: KARIM, minutes: 90, billable: false },
      { after: 200, by: KARIM, resolve: 'Certificat du connecteur renouvelé ; file d’attente écoulée.' },
      { after: DAY, by: CLAIRE, confirm: true },
      { after: DAY + 10, by: CLAIRE, rate: 2 },
    ],
  },
  {
    day: 5,
    time: '09:00',
    title: 'Poste de Nadia Benali très lent',
    impact: 3,
    urgency: 3,
    category: 'Postes de travail',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 30, by: LEA, take: true },
      { after: 110, by: LEA, minutes: 45, billable: false },
      { after: 120, by: LEA, resolve: 'Disque remplacé par un SSD, profil migré.' },
      { after: DAY, by: CLAIRE, confirm: true },
      { after: DAY + 5, by: CLAIRE, rate: 5 },
    ],
  },
  {
    day: 6,
    time: '11:00',
    title: 'Accès VPN refusé depuis le domicile',
    impact: 2,
    urgency: 2,
    category: 'Réseau',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      { after: 15, by: LEA, take: true },
      {
        after: 40,
        by: LEA,
        escalate: 2,
        team: N2,
        diagnosis: 'Authentification RADIUS refusée pour ce seul compte, profil VPN corrompu.',
      },
      { after: 60, by: KARIM, take: true },
      { after: 2 * DAY, by: KARIM, minutes: 60, billable: false },
      { after: 2 * DAY + 10, by: KARIM, resolve: 'Profil VPN régénéré sur le pare-feu, connexion testée.' },
      { after: 3 * DAY, by: CLAIRE, confirm: true },
      { after: 3 * DAY + 5, by: CLAIRE, rate: 3 },
    ],
  },
  {
    day: 8,
    time: '09:20',
    title: 'Ajout d’un utilisateur au groupe Comptabilité',
    type: 'request',
    impact: 4,
    urgency: 4,
    category: 'Postes de travail',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 60, by: LEA, take: true },
      { after: 90, by: LEA, resolve: 'Droits ajoutés, partage Comptabilité accessible.' },
      { after: DAY, by: CLAIRE, confirm: true },
    ],
  },
  {
    day: 10,
    time: '16:30',
    title: 'Sauvegarde nocturne du NAS en échec',
    impact: 2,
    urgency: 2,
    category: 'Serveurs et sauvegardes',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      // Taken the next morning: past the hour it had.
      { after: 17 * 60, by: LEA, take: true },
      { after: 17 * 60 + 50, by: LEA, minutes: 60, billable: true },
      { after: 17 * 60 + 60, by: LEA, resolve: 'Quota du volume de sauvegarde relevé, tâche relancée avec succès.' },
      { after: 2 * DAY, by: CLAIRE, confirm: true },
      { after: 2 * DAY + 5, by: CLAIRE, rate: 3 },
    ],
  },
  {
    day: 12,
    time: '10:00',
    title: 'Écran noir au démarrage du portable de la direction',
    impact: 3,
    urgency: 2,
    category: 'Postes de travail',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 20, by: LEA, take: true },
      { after: 380, by: LEA, resolve: 'Pilote graphique restauré depuis le mode sans échec.' },
      { after: DAY, by: CLAIRE, confirm: true },
      { after: DAY + 5, by: CLAIRE, rate: 4 },
    ],
  },
  {
    day: 14,
    time: '09:00',
    title: 'Certificat TLS du portail client expiré',
    impact: 1,
    urgency: 1,
    category: 'Réseau',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      { after: 10, by: LEA, take: true },
      { after: 110, by: LEA, minutes: 30, billable: false },
      { after: 120, by: LEA, resolve: 'Certificat renouvelé et renouvellement automatique activé.' },
      { after: DAY, by: CLAIRE, confirm: true },
      { after: DAY + 5, by: CLAIRE, rate: 5 },
    ],
  },
  {
    day: 15,
    time: '13:45',
    title: 'Licence Office manquante pour un nouvel arrivant',
    type: 'request',
    impact: 4,
    urgency: 3,
    category: 'Applications',
    requester: 'nadia.benali@acme-logistique.fr',
    steps: [
      { after: 30, by: LEA, take: true },
      { after: 200, by: LEA, resolve: 'Licence Microsoft 365 attribuée.' },
      { after: DAY, by: CLAIRE, confirm: true },
    ],
  },
  {
    day: 16,
    time: '09:15',
    title: 'Wi-Fi instable en salle de réunion',
    impact: 3,
    urgency: 3,
    category: 'Réseau',
    requester: 'julien.moreau@acme-logistique.fr',
    steps: [
      { after: 25, by: LEA, take: true },
      {
        after: 30,
        by: LEA,
        escalate: 2,
        team: N2,
        diagnosis: 'Borne Wi-Fi saturée, interférences sur le canal 6 relevées.',
      },
      { after: 60, by: KARIM, take: true },
      // Resolved five business days later: past the three days it had.
      { after: 7 * DAY, by: KARIM, resolve: 'Borne remplacée et canaux réaffectés.' },
      { after: 7 * DAY + 60, by: CLAIRE, confirm: true },
      { after: 7 * DAY + 65, by: CLAIRE, rate: 2 },
    ],
  },
];

const LAST_STORY_DAY = Math.max(...STORIES.map((s) => s.day));

/** Business days (YYYY-MM-DD) of a month on the standard office calendar. */
function businessDays(month: string): string[] {
  const calendar = defaultCalendar();
  return daysOfMonth(month).filter((day) =>
    isOpenAt(calendar, new Date(startOfLocalDate(day, ZONE).getTime() + 10 * 60 * MINUTE)),
  );
}

export async function loadDemoReportHistory(services: Services, now: Date): Promise<void> {
  const month = lastCompleteMonth(now, ZONE);
  const days = businessDays(month);
  const monthEnd = startOfLocalDate(days[days.length - 1] ?? `${month}-28`, ZONE).getTime() + DAY * MINUTE;
  const { clock, desk, as } = demoDesk(services, now);
  const paul = await as(PAUL);
  const clientId = await services.clients.idByCode('ACME');
  if (!clientId) throw new Error('demo client ACME is missing');
  const teams = new Map((await services.teams.list(paul)).map((t) => [t.name, t.id]));
  const existing = new Map((await services.ticketSetup.categories(paul)).items.map((c) => [c.name, c.id]));
  for (const [name, scopeDomain] of CATEGORIES) {
    if (!existing.has(name)) {
      existing.set(name, (await services.ticketSetup.createCategory(paul, { name, scopeDomain, active: true })).id);
    }
  }
  const contacts = (await services.contacts.list(paul, clientId, { limit: 50 })).items;

  for (const story of STORIES) {
    // Spread over the month's business days, leaving the last week and more for the last ticket to close in it.
    const day = days[Math.round((story.day * Math.max(0, days.length - 9)) / LAST_STORY_DAY)];
    if (!day) continue;
    const [h, m] = story.time.split(':').map(Number);
    const opened = startOfLocalDate(day, ZONE).getTime() + ((h ?? 9) * 60 + (m ?? 0)) * MINUTE;
    if (opened >= now.getTime()) continue;
    clock.set(new Date(opened));
    const ticket = await desk.tickets.create(
      await as(LEA),
      TicketInput.parse({
        clientId,
        title: story.title,
        description: story.title,
        type: story.type ?? 'incident',
        requesterContactId: contacts.find((c) => c.email === story.requester)?.id ?? null,
        impact: story.impact,
        urgency: story.urgency,
        categoryId: existing.get(story.category) ?? null,
      }),
    );
    for (const step of story.steps) {
      const at = opened + step.after * MINUTE;
      if (at >= now.getTime() || at >= monthEnd) break;
      clock.set(new Date(at));
      const ctx = await as(step.by);
      if ('take' in step) await desk.workflow.take(ctx, ticket.id);
      else if ('resolve' in step) {
        await desk.workflow.resolve(ctx, ticket.id, {
          kind: 'solution',
          text: step.resolve,
          cause: null,
          publishArticle: 'no',
        });
      } else if ('confirm' in step) await desk.workflow.confirm(ctx, ticket.id);
      else if ('rate' in step) await desk.workflow.rate(ctx, ticket.id, { rating: step.rate, comment: null });
      else if ('escalate' in step) {
        await desk.workflow.escalate(ctx, ticket.id, {
          kind: 'functional',
          toLevel: step.escalate,
          diagnosis: step.diagnosis,
          teamId: teams.get(step.team) ?? null,
        });
      } else if ('managerIn' in step) {
        await desk.workflow.escalate(ctx, ticket.id, { kind: 'hierarchical', reason: step.managerIn });
      } else {
        await desk.timeEntries.create(ctx, ticket.id, { minutes: step.minutes, billable: step.billable, note: null });
      }
    }
  }
  clock.set(now);
}
