import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/connection.js';
import { AssetService } from '../modules/assets/assets.service.js';
import { RelationService } from '../modules/assets/relations.service.js';
import { VendorService } from '../modules/assets/vendors.service.js';
import { AttachmentService } from '../modules/attachments/attachments.service.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { ClientService } from '../modules/clients/clients.service.js';
import { ContactService } from '../modules/clients/contacts.service.js';
import { SiteService } from '../modules/clients/sites.service.js';
import { ContractService } from '../modules/contracts/contracts.service.js';
import { AuthService } from '../modules/identity/auth.service.js';
import { LoginThrottle } from '../modules/identity/login-throttle.service.js';
import { PasswordLinkService } from '../modules/identity/password-links.service.js';
import { TeamService } from '../modules/identity/teams.service.js';
import { TokenService } from '../modules/identity/tokens.service.js';
import { UserService } from '../modules/identity/users.service.js';
import { ImportService } from '../modules/imports/imports.service.js';
import { KnowledgeService } from '../modules/knowledge/knowledge.service.js';
import { InboundMailService } from '../modules/mail/intake/inbound-mail.service.js';
import { IntakeProcessor } from '../modules/mail/intake/intake-processor.js';
import { MailIntakeService } from '../modules/mail/intake/mail-intake.service.js';
import { MailDigestService } from '../modules/mail/outbound/mail-digest.service.js';
import { MailLogService } from '../modules/mail/outbound/mail-log.service.js';
import { OutboundMail } from '../modules/mail/outbound/outbound-mail.js';
import { type OutboundSettings, outboundSettings } from '../modules/mail/outbound/outbound-settings.js';
import {
  buildMonitoringServices,
  DEFAULT_MONITORING_SETTINGS,
  type MonitoringSettings,
} from '../modules/monitoring/monitoring-services.js';
import { SlaReportService } from '../modules/reports/sla-report.service.js';
import { DeskService } from '../modules/tickets/desk.service.js';
import { TicketSetupService } from '../modules/tickets/ticket-setup.service.js';
import { TicketWorkflow } from '../modules/tickets/ticket-workflow.service.js';
import { TicketService } from '../modules/tickets/tickets.service.js';
import { HourBankService } from '../modules/work/hour-bank.service.js';
import { InterventionService } from '../modules/work/interventions.service.js';
import { TimeEntryService } from '../modules/work/time-entries.service.js';

export type Services = ReturnType<typeof buildServices>;

const MINUTE = 60_000;

/** Wires every service once; routes, the CLI and the demo loader all go through these. */
export function buildServices(
  db: Db,
  clock: Clock,
  auth: Config['auth'],
  jobs: Pick<Config['jobs'], 'autoCloseBusinessDays'> = { autoCloseBusinessDays: 5 },
  mail: Partial<OutboundSettings> & { maxMessageBytes?: number } = {},
  monitoring: MonitoringSettings = DEFAULT_MONITORING_SETTINGS,
) {
  const audit = new AuditService(db, clock);
  const outbound = outboundSettings(mail);
  const throttle = new LoginThrottle(
    db,
    clock,
    { maxFailures: auth.maxFailures, windowMs: auth.lockMinutes * MINUTE, lockMs: auth.lockMinutes * MINUTE },
    { maxFailures: auth.maxFailures * 6, windowMs: auth.lockMinutes * MINUTE, lockMs: auth.lockMinutes * MINUTE },
  );
  const clients = new ClientService(db, clock, audit);
  const sites = new SiteService(db, clock, audit);
  const contacts = new ContactService(db, clock, audit);
  const vendors = new VendorService(db, clock, audit);
  const assets = new AssetService(db, clock, audit, clients, vendors);
  const tickets = new TicketService(db, clock, audit);
  const workflow = new TicketWorkflow(db, clock, tickets, jobs.autoCloseBusinessDays);
  const knowledge = new KnowledgeService(db, clock, audit, clients, tickets);
  workflow.useArticlePublisher(knowledge);
  const workLookups = {
    contracts: new ContractService(db, clock, audit, clients),
    clients,
    sites,
    users: new UserService(db, clock, audit, clients),
  };
  const timeEntries = new TimeEntryService(db, clock, audit, tickets, workLookups);
  const attachments = new AttachmentService(db, clock, audit, tickets);
  const intakeProcessor = new IntakeProcessor(clock, tickets, workflow, attachments, contacts, {
    get supportAddress() {
      return outbound.supportAddress;
    },
    maxMessageBytes: mail.maxMessageBytes ?? 25 * 1024 * 1024,
    get relayConfigured() {
      return outbound.relayUrl !== null;
    },
  });
  const mailIntake = new MailIntakeService(db, clock, intakeProcessor);
  const outboundMail = new OutboundMail(db, clock, outbound);
  const passwordLinks = new PasswordLinkService(db, clock, audit, outbound, auth.sessionHours);
  // A reset link is written after the answer: the sender is woken then, not by the answer.
  passwordLinks.onQueued = () => outboundMail.wake();
  return {
    db,
    clock,
    audit,
    auth: new AuthService(db, clock, throttle, audit, auth.sessionHours),
    users: new UserService(db, clock, audit, clients),
    teams: new TeamService(db, clock, audit, clients),
    tokens: new TokenService(db, clock, audit),
    clients,
    sites,
    contacts,
    contracts: new ContractService(db, clock, audit, clients),
    vendors,
    assets,
    relations: new RelationService(db, clock, audit, assets),
    imports: new ImportService(clients, sites, contacts, assets, vendors),
    tickets,
    workflow,
    ticketSetup: new TicketSetupService(db, clock, audit),
    desk: new DeskService(db, clock),
    knowledge,
    timeEntries,
    hourBanks: new HourBankService(db, clock, workLookups),
    interventions: new InterventionService(db, clock, audit, tickets, workLookups, timeEntries),
    outboundMail,
    mailLog: new MailLogService(db, clock, audit, outbound),
    mailDigests: new MailDigestService(db, clock),
    passwordLinks,
    reports: new SlaReportService(db, clock, outbound),
    attachments,
    mailIntake,
    inboundMail: new InboundMailService(db, clock, audit, mailIntake, intakeProcessor),
    monitoring: buildMonitoringServices(db, clock, audit, outbound, { tickets, assets }, monitoring),
  };
}
