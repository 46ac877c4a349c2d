/**
 * The demo desk's tickets: each one a short story told through the real services on a clock that walks from the
 * ticket's opening to now, so that timelines, SLA clocks, milestones and notifications are what real work leaves.
 * Times are hours before the demo starts; tickets counted 24/7 (P1) or opened days ago are late whatever the day.
 */
import { TicketInput } from '@vigie/contracts';
import type { Services } from '../http/services.js';
import { SlaScheduler } from '../modules/tickets/sla-scheduler.js';
import { demoDesk } from './demo-desk.js';

type Step =
  | { hoursAgo: number; by: string; take: true }
  | { hoursAgo: number; by: string; comment: string; internal?: boolean }
  | { hoursAgo: number; by: string; pending: 'requester' | 'vendor' | 'planned_date' }
  | { hoursAgo: number; by: string; escalate: 2 | 3; team: string; diagnosis: string }
  | { hoursAgo: number; by: string; managerIn: string }
  | { hoursAgo: number; by: string; assignTeam: string }
  | { hoursAgo: number; by: string; resolve: 'solution' | 'workaround'; text: string; cause?: string }
  | { hoursAgo: number; by: string; confirm: true }
  | { hoursAgo: number; by: string; rate: number; remark?: string };

interface Story {
  client: string;
  /** Who called or wrote (a contact's e-mail); the staff member in `openedBy` logs it. */
  requester: string;
  openedBy: string;
  hoursAgo: number;
  title: string;
  description: string;
  type?: 'incident' | 'request';
  impact: 1 | 2 | 3 | 4;
  urgency: 1 | 2 | 3 | 4;
  assets?: string[];
  /** Opened by the client's own IT at the level it keeps (no provider team or clock until escalated). */
  inHouse?: true;
  steps: Step[];
}

const LEA = 'lea.bernard@vigie.local';
const KARIM = 'karim.haddad@vigie.local';
const SOPHIE = 'sophie.laurent@vigie.local';
const PAUL = 'paul.martin@vigie.local';
const THOMAS = 'thomas.garnier@batisud.fr';
const N1 = 'Support N1';
const N2 = 'Infrastructure N2';

const STORIES: Story[] = [
  {
    client: 'ACME',
    requester: 'julien.moreau@acme-logistique.fr',
    openedBy: LEA,
    hoursAgo: 50,
    title: 'L’imprimante du 2e étage n’imprime plus',
    description: 'Les impressions restent bloquées dans la file d’attente depuis ce matin.',
    impact: 4,
    urgency: 3,
    assets: ['imprimante-lyon'],
    steps: [
      { hoursAgo: 49, by: LEA, take: true },
      { hoursAgo: 48.5, by: LEA, comment: 'Pouvez-vous me dire si le voyant orange clignote sur l’imprimante ?' },
      { hoursAgo: 26, by: LEA, resolve: 'solution', text: 'File d’attente purgée et pilote Ricoh réinstallé.' },
    ],
  },
  {
    client: 'ACME',
    requester: 'claire.dubois@acme-logistique.fr',
    openedBy: LEA,
    hoursAgo: 0.5,
    title: 'Boîte mail de la direction pleine',
    description: 'Message « boîte aux lettres pleine » à chaque envoi, la direction ne reçoit plus rien.',
    impact: 3,
    urgency: 2,
    steps: [],
  },
  {
    client: 'ACME',
    requester: 'nadia.benali@acme-logistique.fr',
    openedBy: LEA,
    hoursAgo: 100,
    title: 'Serveur de fichiers très lent',
    description: 'Ouvrir un dossier sur le lecteur P: prend plus d’une minute pour tout le service comptable.',
    impact: 2,
    urgency: 2,
    assets: ['files-acme'],
    steps: [
      { hoursAgo: 99.5, by: LEA, take: true },
      { hoursAgo: 99, by: LEA, comment: 'Antivirus en analyse complète sur files-acme ? À vérifier.', internal: true },
      {
        hoursAgo: 98,
        by: LEA,
        escalate: 2,
        team: N2,
        diagnosis: 'Latence disque > 200 ms sur le datastore de files-acme, aucune analyse antivirus en cours.',
      },
      { hoursAgo: 97, by: KARIM, take: true },
      { hoursAgo: 96, by: KARIM, comment: 'Migration à chaud de la VM vers esx-lyon-02 en cours.' },
    ],
  },
  {
    client: 'ACME',
    requester: 'julien.moreau@acme-logistique.fr',
    openedBy: LEA,
    hoursAgo: 20,
    title: 'VPN impossible pour un commercial en déplacement',
    description: 'Erreur « délai dépassé » à la connexion FortiClient depuis l’hôtel.',
    impact: 3,
    urgency: 2,
    assets: ['laptop-commercial-01'],
    steps: [
      { hoursAgo: 19, by: LEA, take: true },
      { hoursAgo: 18.5, by: LEA, comment: 'Pouvez-vous nous envoyer une capture de l’erreur et le nom du Wi-Fi ?' },
      { hoursAgo: 18.4, by: LEA, pending: 'requester' },
    ],
  },
  {
    client: 'ACME',
    requester: 'claire.dubois@acme-logistique.fr',
    openedBy: LEA,
    hoursAgo: 3,
    type: 'request',
    title: 'Poste de travail pour une arrivée lundi',
    description: 'Nouvelle assistante de direction : poste, compte Microsoft 365 et accès à Cegid.',
    impact: 4,
    urgency: 4,
    steps: [{ hoursAgo: 2.9, by: LEA, assignTeam: N1 }],
  },
  {
    client: 'BATI',
    requester: 'thomas.garnier@batisud.fr',
    openedBy: KARIM,
    hoursAgo: 6,
    title: 'Coupures du VPN site à site Metz – Nancy',
    description: 'Le tunnel IPsec tombe toutes les 20 minutes, les agences ne voient plus le serveur de plans.',
    impact: 2,
    urgency: 1,
    steps: [
      { hoursAgo: 5.8, by: KARIM, take: true },
      {
        hoursAgo: 4,
        by: KARIM,
        comment: 'Renégociation IKE en échec côté Nancy, ticket ouvert chez Fortinet.',
        internal: true,
      },
      { hoursAgo: 2, by: KARIM, managerIn: 'P1 en dépassement : intervention sur site nécessaire, arbitrage demandé.' },
    ],
  },
  {
    client: 'BATI',
    requester: 'emilie.schmitt@batisud.fr',
    openedBy: KARIM,
    hoursAgo: 40,
    title: 'Port 12 du switch de l’entrepôt en erreur',
    description: 'Le port 12 passe en erreur CRC, le lecteur de badges du quai ne répond plus.',
    impact: 3,
    urgency: 3,
    steps: [
      { hoursAgo: 39, by: KARIM, take: true },
      { hoursAgo: 38, by: KARIM, comment: 'Module SFP défectueux : RMA demandé au constructeur.' },
      { hoursAgo: 37.9, by: KARIM, pending: 'vendor' },
    ],
  },
  {
    client: 'BATI',
    requester: 'emilie.schmitt@batisud.fr',
    openedBy: THOMAS,
    inHouse: true,
    hoursAgo: 3,
    title: 'Scanner du bureau d’études introuvable sur le réseau',
    description: 'Le scanner A3 n’apparaît plus dans la liste des périphériques depuis le déménagement du bureau.',
    impact: 4,
    urgency: 3,
    steps: [
      { hoursAgo: 2.5, by: THOMAS, take: true },
      { hoursAgo: 2.4, by: THOMAS, comment: 'Je passe vérifier le câble réseau du scanner cet après-midi.' },
    ],
  },
  {
    client: 'CLINIQ',
    requester: 'sandrine.roux@clinique-tilleuls.fr',
    openedBy: SOPHIE,
    hoursAgo: 60,
    title: 'Sauvegarde nocturne de la base patients en échec',
    description: 'Le rapport Veeam de cette nuit indique « Failed » sur le job SQL-PATIENTS.',
    impact: 2,
    urgency: 2,
    steps: [
      { hoursAgo: 59, by: SOPHIE, take: true },
      {
        hoursAgo: 50,
        by: SOPHIE,
        resolve: 'workaround',
        text: 'Job relancé manuellement sur un autre référentiel ; la sauvegarde de la nuit est complète.',
        cause: 'Référentiel de sauvegarde principal saturé',
      },
    ],
  },
  {
    client: 'CLINIQ',
    requester: 'sandrine.roux@clinique-tilleuls.fr',
    openedBy: SOPHIE,
    hoursAgo: 200,
    title: 'Accès lent au logiciel de radiologie',
    description: 'Les images mettent 30 secondes à s’afficher au poste de la salle 2.',
    impact: 3,
    urgency: 3,
    steps: [
      { hoursAgo: 199, by: SOPHIE, take: true },
      { hoursAgo: 150, by: SOPHIE, resolve: 'solution', text: 'Index de la base d’images reconstruits.' },
      { hoursAgo: 140, by: 'sandrine.roux@clinique-tilleuls.fr', confirm: true },
      { hoursAgo: 139, by: 'sandrine.roux@clinique-tilleuls.fr', rate: 5, remark: 'Rapide et clair, merci.' },
    ],
  },
];

const HOUR = 3_600_000;

/** Opens the demo tickets, then runs the SLA scheduler once so that late tickets show their breaches. */
export async function loadDemoTickets(services: Services, now: Date): Promise<void> {
  const { clock, desk, as } = demoDesk(services, now);
  const at = (hoursAgo: number) => clock.set(new Date(now.getTime() - hoursAgo * HOUR));
  const teams = new Map((await services.teams.list(await as(PAUL))).map((t) => [t.name, t.id]));

  for (const story of STORIES) {
    const staff = await as(story.openedBy);
    const clientId = await services.clients.idByCode(story.client);
    if (!clientId) throw new Error(`demo client ${story.client} is missing`);
    const contacts = await services.contacts.list(staff, clientId, { limit: 50 });
    const contact = contacts.items.find((c) => c.email === story.requester);
    const assets = await services.assets.list(staff, { clientId, limit: 200 });
    const assetIds = (story.assets ?? []).map((name) => assets.items.find((a) => a.name === name)?.id ?? '');
    at(story.hoursAgo);
    const ticket = await desk.tickets.create(
      staff,
      TicketInput.parse({
        clientId,
        title: story.title,
        description: story.description,
        type: story.type ?? 'incident',
        requesterContactId: contact?.id ?? null,
        impact: story.impact,
        urgency: story.urgency,
        assetIds,
        handledInHouse: story.inHouse ?? false,
      }),
    );
    for (const step of story.steps) {
      at(step.hoursAgo);
      const ctx = await as(step.by);
      const id = ticket.id;
      if ('take' in step) await desk.workflow.take(ctx, id);
      else if ('comment' in step) {
        await desk.workflow.comment(ctx, id, { body: step.comment, visibility: step.internal ? 'internal' : 'public' });
      } else if ('pending' in step)
        await desk.workflow.setStatus(ctx, id, { status: 'pending', pendingReason: step.pending });
      else if ('escalate' in step) {
        await desk.workflow.escalate(ctx, id, {
          kind: 'functional',
          toLevel: step.escalate,
          diagnosis: step.diagnosis,
          teamId: teams.get(step.team) ?? null,
        });
      } else if ('managerIn' in step) {
        await desk.workflow.escalate(ctx, id, { kind: 'hierarchical', reason: step.managerIn });
      } else if ('assignTeam' in step)
        await desk.workflow.assign(ctx, id, { teamId: teams.get(step.assignTeam) ?? null });
      else if ('resolve' in step) {
        await desk.workflow.resolve(ctx, id, {
          kind: step.resolve,
          text: step.text,
          cause: step.cause ?? null,
          publishArticle: 'no',
        });
      } else if ('confirm' in step) await desk.workflow.confirm(ctx, id);
      else await desk.workflow.rate(ctx, id, { rating: step.rate, comment: step.remark ?? null });
    }
  }
  clock.set(now);
  await new SlaScheduler(services.db, clock).tick();
}
