/**
 * What ticket-queue seeds, decided without the database: sizes, the clients, teams, technicians, contracts and
 * categories (ids derived from a fixed seed, so that a cached database and a new plan agree), and the word lists
 * tickets are written from.
 */
import { defaultCalendar, defaultSlaPolicy, type SlaTerms } from '@vigie/domain';

export const CLIENTS = 1_000;
export const TEAMS = 50;
export const CLIENTS_PER_TEAM = CLIENTS / TEAMS;
export const TECHNICIANS = 200;
export const TICKETS = 1_000_000;
/** Open tickets by status; `new` tickets are not routed yet (no team), so they are in no team's queue. */
export const OPEN_MIX = { new: 2_000, assigned: 8_000, in_progress: 14_000, pending: 10_000, resolved: 6_000 } as const;
export type OpenStatus = keyof typeof OPEN_MIX;
export const OPEN_TICKETS = Object.values(OPEN_MIX).reduce((sum, n) => sum + n, 0);
/** Closed tickets take numbers 1…CLOSED_TICKETS, open ones the numbers after (renewed on every run). */
export const CLOSED_TICKETS = TICKETS - OPEN_TICKETS;
export const PASSWORD = 'bench-technician-password';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** mulberry32: a small seeded generator, so that every seed writes the same tickets. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

/** A draw among `weights`' keys, each with its weight's share. */
export function weighted<K extends string>(weights: Readonly<Record<K, number>>): (rng: () => number) => K {
  const keys = Object.keys(weights) as K[];
  const total = keys.reduce((sum, key) => sum + weights[key], 0);
  let running = 0;
  const bounds = keys.map((key) => (running += weights[key] / total));
  return (rng) => {
    const r = rng();
    for (let i = 0; i < bounds.length - 1; i++) if (r < (bounds[i] as number)) return keys[i] as K;
    return keys[keys.length - 1] as K;
  };
}

const HEX4 = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));
const hex4 = (rng: () => number) => HEX4[Math.floor(rng() * 0x10000)] as string;

/** A UUIDv7 (what `newId()` makes) for an instant, its random part from `rng`: ids sort like creation times. */
export function uuid7(ms: number, rng: () => number): string {
  const time = Math.floor(ms).toString(16).padStart(12, '0');
  const version = `7${hex4(rng).slice(1)}`;
  const variant = `${'89ab'[Math.floor(rng() * 4)]}${hex4(rng).slice(1)}`;
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${hex4(rng)}${hex4(rng)}${hex4(rng)}`;
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, several times faster (the date part is cached per day): a million tickets have
 * five instants each.
 */
export function iso(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / 1000);
  return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[rest - s * 1000]}Z`;
}

/** Every contract of the seed has the standard policy and calendar (what a contract gets when none is given). */
export const TERMS: SlaTerms = { calendar: defaultCalendar(), policy: defaultSlaPolicy() };

export interface Technician {
  id: string;
  email: string;
  name: string;
  level: 1 | 2 | 3;
  teams: number[];
}

export interface BasePlan {
  clientIds: string[];
  contractIds: string[];
  teamIds: string[];
  /** Team index → member technician indexes. */
  members: number[][];
  technicians: Technician[];
  categoryIds: string[];
}

/** Ids of the base rows' creation, well before any ticket (a fixed instant: ids must not depend on the run). */
export const BASE_EPOCH = Date.UTC(2021, 0, 4, 8);

const FIRST_NAMES = [
  'Léa',
  'Karim',
  'Sophie',
  'Thomas',
  'Inès',
  'Julien',
  'Camille',
  'Nicolas',
  'Chloé',
  'Mehdi',
  'Manon',
  'Antoine',
  'Sarah',
  'Hugo',
  'Emma',
  'Lucas',
  'Nadia',
  'Pierre',
  'Claire',
  'Yanis',
  'Élodie',
  'Maxime',
  'Amina',
  'Romain',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Benali',
  'Nguyen',
];

export function personName(n: number): string {
  return `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]}`;
}

export const CATEGORIES: readonly { name: string; domain: string }[] = [
  { name: 'Poste de travail', domain: 'workstations' },
  { name: 'Messagerie', domain: 'applications' },
  { name: 'Impression', domain: 'workstations' },
  { name: 'Réseau et VPN', domain: 'network' },
  { name: 'Serveurs', domain: 'servers' },
  { name: 'Sauvegardes', domain: 'backups' },
  { name: 'Comptes et accès', domain: 'security' },
  { name: 'Logiciel métier', domain: 'business_software' },
  { name: 'Téléphonie', domain: 'workstations' },
  { name: 'Virtualisation', domain: 'virtualization' },
];

/**
 * The fixed part: 1,000 clients, 50 teams of 20 clients each (client c belongs to team ⌊c / 20⌋), 200 technicians,
 * four per team and one in four also in a second team (40 clients in reach), a contract per client, 10 categories.
 */
export function basePlan(): BasePlan {
  const rng = random(7);
  const ids = (count: number, offset: number) =>
    Array.from({ length: count }, (_, i) => uuid7(BASE_EPOCH + offset + i, rng));
  const technicians: Technician[] = Array.from({ length: TECHNICIANS }, (_, j) => {
    const teams = [j % TEAMS];
    if (j % 4 === 3) teams.push((j + 7) % TEAMS);
    const level = (j % 10 < 6 ? 1 : j % 10 < 9 ? 2 : 3) as 1 | 2 | 3;
    return {
      id: uuid7(BASE_EPOCH + 30_000 + j, rng),
      email: `tech${String(j + 1).padStart(3, '0')}@msp.example`,
      name: personName(j * 7 + 3),
      level,
      teams,
    };
  });
  const members: number[][] = Array.from({ length: TEAMS }, () => []);
  technicians.forEach((t, j) => {
    for (const team of t.teams) members[team]?.push(j);
  });
  return {
    clientIds: ids(CLIENTS, 0),
    contractIds: ids(CLIENTS, 10_000),
    teamIds: ids(TEAMS, 20_000),
    members,
    technicians,
    categoryIds: ids(CATEGORIES.length, 40_000),
  };
}

/** Which client a ticket is for: big clients open more tickets (client 0 about 10 times as many as client 999). */
export function clientOf(rng: () => number): number {
  return Math.min(CLIENTS - 1, Math.floor(CLIENTS * rng() ** 1.5));
}

export const teamOfClient = (client: number): number => Math.floor(client / CLIENTS_PER_TEAM);

const PROBLEMS = [
  'Imprimante hors ligne',
  'Impossible de se connecter au VPN',
  'Outlook ne synchronise plus les messages',
  'Mot de passe expiré, compte verrouillé',
  'Écran noir au démarrage',
  'Lenteurs sur le logiciel de comptabilité',
  'Partage réseau inaccessible',
  'Demande de création de compte',
  'Sauvegarde de la nuit en échec',
  'Certificat TLS bientôt expiré',
  'Wi-Fi instable en salle de réunion',
  'Téléphone IP sans tonalité',
  'Espace disque faible sur le serveur de fichiers',
  'Installation d’un logiciel demandée',
  'Alerte supervision : CPU à 95 %',
  'Poste très lent depuis la mise à jour',
  'Accès à la boîte partagée demandé',
  'Scanner qui n’envoie plus par e-mail',
  'Machine virtuelle arrêtée',
  'Badge et accès Teams pour un nouvel arrivant',
];
const PLACES = [
  'à l’accueil',
  'au 2e étage',
  'pour la comptabilité',
  'à l’agence de Lyon',
  'pour la direction',
  'en télétravail',
  'à l’atelier',
  'au service RH',
  'pour tout le site',
  'sur le portable de la commerciale',
];
const DETAILS = [
  'Le problème est apparu ce matin après le redémarrage du poste.',
  'L’utilisateur a déjà essayé de redémarrer, sans effet.',
  'Plusieurs personnes du service sont concernées.',
  'Message d’erreur : « Le serveur n’est pas joignable ». Capture d’écran jointe.',
  'Urgent : réunion client cet après-midi.',
  'Cela fonctionnait encore hier soir.',
];
const SOLUTIONS = [
  'Pilote réinstallé, impression de test réussie.',
  'Profil Outlook recréé ; la synchronisation est revenue.',
  'Compte déverrouillé et mot de passe réinitialisé avec l’utilisateur.',
  'Client VPN mis à jour vers la dernière version.',
  'Tâche de sauvegarde relancée, contrôle de restauration OK.',
  'Espace libéré (journaux archivés) et alerte de seuil ajoutée.',
  'Borne Wi-Fi redémarrée et canal changé.',
  'Logiciel installé et licence affectée.',
];

export function ticketText(rng: () => number): { title: string; description: string } {
  const problem = pick(rng, PROBLEMS);
  const place = pick(rng, PLACES);
  return {
    title: `${problem} ${place}`,
    description: `${problem} ${place}. ${pick(rng, DETAILS)} ${pick(rng, DETAILS)}`,
  };
}

export function solutionText(rng: () => number): string {
  return pick(rng, SOLUTIONS);
}
