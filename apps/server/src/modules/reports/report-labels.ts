/** The words of the report's files and mail, in French and English (the screen has its own in the web app). */
export type ReportLocale = 'fr' | 'en';

export const REPORT_LABELS = {
  fr: {
    title: 'Rapport SLA mensuel',
    client: 'Client',
    month: 'Mois',
    timeZone: 'Fuseau horaire',
    inProgress: 'mois en cours, chiffres à date',
    indicator: 'Indicateur',
    value: 'Valeur',
    opened: 'Tickets ouverts',
    resolved: 'Tickets résolus',
    closed: 'Tickets clos',
    outOfScope: 'Tickets hors périmètre (facturables)',
    ttoMet: 'Prise en charge dans les délais (TTO)',
    ttrMet: 'Résolution dans les délais (TTR)',
    ttoDecided: 'Prises en charge échues (respectées / dépassées)',
    ttrDecided: 'Résolutions échues (respectées / dépassées)',
    functional: 'Escalades fonctionnelles',
    hierarchical: 'Escalades hiérarchiques',
    ticketsEscalated: 'Tickets escaladés',
    satisfactionAverage: 'Satisfaction moyenne (sur 5)',
    ratings: 'Évaluations',
    billable: 'Temps facturable',
    covered: 'Temps couvert par le contrat',
    byPriority: 'Tickets par priorité',
    slaByPriority: 'Délais tenus par priorité',
    ttoShort: 'TTO',
    ttrShort: 'TTR',
    metMissed: 'respectés / dépassés',
    byLevel: 'Tickets par niveau de support',
    byCategory: 'Tickets par catégorie',
    uncategorized: 'Sans catégorie',
    escalationsToLevel: 'Escalades par niveau atteint',
    satisfaction: 'Répartition des évaluations',
    stars: (n: number) => `${n} étoile${n > 1 ? 's' : ''}`,
    daily: 'Ouverts et résolus par jour',
    date: 'Date',
    hourBanks: 'Banques d’heures',
    contract: 'Contrat',
    period: 'Période',
    available: 'Disponible',
    used: 'Utilisé',
    remaining: 'Restant',
    monthUse: 'Consommé dans le mois',
    breaches: 'Dépassements de SLA',
    noBreaches: 'Aucun dépassement ce mois-ci.',
    reference: 'Ticket',
    ticketTitle: 'Titre',
    priority: 'Priorité',
    clock: 'Délai',
    deadline: 'Échéance',
    breachedAt: 'Dépassé le',
    tto: 'Prise en charge',
    ttr: 'Résolution',
    count: 'Nombre',
    opened_short: 'Ouverts',
    resolved_short: 'Résolus',
    availability: 'Disponibilité des équipements supervisés',
    availabilityNote: 'hors fenêtres de maintenance',
    asset: 'Équipement',
    availabilityPercent: 'Disponibilité',
    downMinutes: 'Indisponibilité (min)',
    noMonitoring: 'Aucun équipement supervisé ce mois-ci.',
    none: '—',
    page: (n: number, of: number) => `Page ${n} sur ${of}`,
    generated: 'Établi le',
  },
  en: {
    title: 'Monthly SLA report',
    client: 'Client',
    month: 'Month',
    timeZone: 'Time zone',
    inProgress: 'month in progress, figures to date',
    indicator: 'Indicator',
    value: 'Value',
    opened: 'Tickets opened',
    resolved: 'Tickets resolved',
    closed: 'Tickets closed',
    outOfScope: 'Out-of-scope tickets (billable)',
    ttoMet: 'Taken in charge in time (TTO)',
    ttrMet: 'Resolved in time (TTR)',
    ttoDecided: 'Take-charge deadlines decided (met / missed)',
    ttrDecided: 'Resolution deadlines decided (met / missed)',
    functional: 'Functional escalations',
    hierarchical: 'Hierarchical escalations',
    ticketsEscalated: 'Tickets escalated',
    satisfactionAverage: 'Average satisfaction (out of 5)',
    ratings: 'Ratings',
    billable: 'Billable time',
    covered: 'Time covered by the contract',
    byPriority: 'Tickets by priority',
    slaByPriority: 'Deadlines met by priority',
    ttoShort: 'TTO',
    ttrShort: 'TTR',
    metMissed: 'met / missed',
    byLevel: 'Tickets by support level',
    byCategory: 'Tickets by category',
    uncategorized: 'No category',
    escalationsToLevel: 'Escalations by level reached',
    satisfaction: 'Ratings given',
    stars: (n: number) => `${n} star${n > 1 ? 's' : ''}`,
    daily: 'Opened and resolved per day',
    date: 'Date',
    hourBanks: 'Hour banks',
    contract: 'Contract',
    period: 'Period',
    available: 'Available',
    used: 'Used',
    remaining: 'Remaining',
    monthUse: 'Used in the month',
    breaches: 'SLA breaches',
    noBreaches: 'No breach this month.',
    reference: 'Ticket',
    ticketTitle: 'Title',
    priority: 'Priority',
    clock: 'Clock',
    deadline: 'Deadline',
    breachedAt: 'Breached at',
    tto: 'Take in charge',
    ttr: 'Resolution',
    count: 'Count',
    opened_short: 'Opened',
    resolved_short: 'Resolved',
    availability: 'Availability of monitored assets',
    availabilityNote: 'outside maintenance windows',
    asset: 'Asset',
    availabilityPercent: 'Availability',
    downMinutes: 'Downtime (min)',
    noMonitoring: 'No monitored asset this month.',
    none: '—',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    generated: 'Generated on',
  },
} as const;

export type ReportLabels = (typeof REPORT_LABELS)[ReportLocale];

const intl = (locale: ReportLocale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** "octobre 2026" / "October 2026". */
export function monthName(month: string, locale: ReportLocale): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intl(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1)),
  );
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant in the client's zone, "02/10/2026 14:05" / "02/10/2026, 14:05" (formats built once per zone). */
export function instantText(iso: string, locale: ReportLocale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intl(locale), { timeZone, dateStyle: 'short', timeStyle: 'short' });
    instantFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

const numberFormats = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: false }),
};
const availabilityFormats = {
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }),
};

/** An availability share with three decimals (99,954 / 99.954): one minute of a month is 0.002 %. */
export function availabilityText(percent: number | null, locale: ReportLocale): string {
  return percent === null ? REPORT_LABELS[locale].none : availabilityFormats[locale].format(percent);
}

/** A number as the locale writes it (66,7 / 66.7). */
export function numberText(value: number | null, locale: ReportLocale): string {
  return value === null ? '' : numberFormats[locale].format(value);
}
