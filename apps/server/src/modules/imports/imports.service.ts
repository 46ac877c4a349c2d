import { AssetInput, ContactInput, type ImportReport } from '@vigie/contracts';
import { type AssetType, ATTRIBUTES_BY_TYPE, coerceAttribute, validateAttributes } from '@vigie/domain';
import type { Ctx } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AssetService, AssetValues } from '../assets/assets.service.js';
import type { VendorService } from '../assets/vendors.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import type { ContactService, ContactValues } from '../clients/contacts.service.js';
import { assertCanCreateIn } from '../clients/register.policy.js';
import type { SiteService } from '../clients/sites.service.js';
import { type CsvEncoding, type CsvTable, readCsv } from './csv-reader.js';

export type ImportProgress = (phase: 'validate' | 'write', done: number, total: number) => void;

export interface ImportOptions {
  dryRun: boolean;
  encoding?: CsvEncoding;
  onProgress?: ImportProgress;
}

type Problem = ImportReport['problems'][number];

const ASSET_COLUMNS = [
  'name',
  'type',
  'site',
  'criticality',
  'status',
  'owner_email',
  'vendor',
  'vendor_contract_ref',
  'notes',
];
const CONTACT_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'job_title',
  'site',
  'locale',
  'is_primary',
  'notes',
];

/** Where a field of the API schema comes from in the file, to name the column in a problem. */
const ASSET_FIELD_COLUMN: Record<string, string> = {
  name: 'name',
  type: 'type',
  siteId: 'site',
  criticality: 'criticality',
  status: 'status',
  ownerContactId: 'owner_email',
  vendorId: 'vendor',
  vendorContractRef: 'vendor_contract_ref',
  notes: 'notes',
};
const CONTACT_FIELD_COLUMN: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  siteId: 'site',
  isPrimary: 'is_primary',
  jobTitle: 'job_title',
};

const MAX_PROBLEMS = 1000;
const empty = (v: string | undefined) => v === undefined || v.trim() === '';
const progressEvery = (total: number) => Math.max(1, Math.floor(total / 100));

/**
 * Spreadsheet onboarding: a dry run lists every bad row with its line and column; a real run writes all rows
 * in one transaction or, when any row is bad, nothing at all.
 */
export class ImportService {
  constructor(
    private readonly clients: ClientDirectory,
    private readonly sites: SiteService,
    private readonly contacts: ContactService,
    private readonly assets: AssetService,
    private readonly vendors: VendorService,
  ) {}

  async importAssets(ctx: Ctx, clientId: string, bytes: Buffer, options: ImportOptions): Promise<ImportReport> {
    await this.checkTarget(ctx, clientId, 'asset');
    const table = readCsv(bytes, options.encoding);
    requireColumns(table, ['name', 'type']);
    const sites = await this.sites.idsByName(clientId);
    const owners = await this.contacts.idsByEmail(clientId);
    const vendors = await this.vendors.idsByName();
    const problems: Problem[] = [];
    const inputs: { line: number; input: AssetValues }[] = [];
    const every = progressEvery(table.rows.length);

    table.rows.forEach(({ line, cells }, i) => {
      if (i % every === 0) options.onProgress?.('validate', i, table.rows.length);
      const at = (column: string | null, message: string) => problems.push({ line, column, message });
      const siteId = lookup(cells.site, sites, () => at('site', `unknown site "${cells.site}"`));
      const ownerContactId = lookup(cells.owner_email?.toLowerCase(), owners, () =>
        at('owner_email', `no contact with e-mail ${cells.owner_email}`),
      );
      const vendorId = lookup(cells.vendor, vendors, () =>
        at('vendor', `unknown vendor "${cells.vendor}" (add it to the vendors first)`),
      );
      const attributes = this.attributesOf(cells, table.columns, at);
      const parsed = AssetInput.safeParse({
        clientId,
        name: cells.name,
        type: cells.type?.toLowerCase(),
        siteId,
        criticality: empty(cells.criticality) ? undefined : Number(cells.criticality),
        status: empty(cells.status) ? undefined : cells.status?.toLowerCase(),
        ownerContactId,
        vendorId,
        vendorContractRef: cells.vendor_contract_ref,
        attributes,
        notes: cells.notes,
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) at(columnOf(issue.path, ASSET_FIELD_COLUMN), issue.message);
      else inputs.push({ line, input: parsed.data });
    });
    for (const p of await this.assets.problemsOf(
      clientId,
      inputs.map((x) => x.input),
    )) {
      problems.push({
        line: inputs[p.index]?.line ?? 0,
        column: columnOf(p.path, ASSET_FIELD_COLUMN),
        message: p.message,
      });
    }
    return this.finish(table, problems, options, () =>
      this.assets
        .createMany(
          ctx,
          clientId,
          inputs.map((x) => x.input),
        )
        .then(() => inputs.length),
    );
  }

  async importContacts(ctx: Ctx, clientId: string, bytes: Buffer, options: ImportOptions): Promise<ImportReport> {
    await this.checkTarget(ctx, clientId, 'contact');
    const table = readCsv(bytes, options.encoding);
    requireColumns(table, ['last_name']);
    const unknown = table.columns.filter((c) => !CONTACT_COLUMNS.includes(c));
    if (unknown.length > 0) {
      throw new AppError(
        400,
        'invalid_csv',
        `Unknown column(s): ${unknown.join(', ')}; expected ${CONTACT_COLUMNS.join(', ')}`,
      );
    }
    const sites = await this.sites.idsByName(clientId);
    const problems: Problem[] = [];
    const inputs: { line: number; input: ContactValues }[] = [];
    for (const { line, cells } of table.rows) {
      const at = (column: string | null, message: string) => problems.push({ line, column, message });
      const siteId = lookup(cells.site, sites, () => at('site', `unknown site "${cells.site}"`));
      const parsed = ContactInput.safeParse({
        siteId,
        firstName: cells.first_name,
        lastName: cells.last_name,
        email: empty(cells.email) ? null : cells.email,
        phone: cells.phone,
        mobile: cells.mobile,
        jobTitle: cells.job_title,
        locale: empty(cells.locale) ? undefined : cells.locale?.toLowerCase(),
        isPrimary: empty(cells.is_primary) ? undefined : coerceAttribute('boolean', cells.is_primary ?? ''),
        notes: cells.notes,
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) at(columnOf(issue.path, CONTACT_FIELD_COLUMN), issue.message);
      else inputs.push({ line, input: parsed.data });
    }
    for (const p of await this.contacts.problemsOf(
      clientId,
      inputs.map((x) => x.input),
    )) {
      problems.push({
        line: inputs[p.index]?.line ?? 0,
        column: columnOf(p.path, CONTACT_FIELD_COLUMN),
        message: p.message,
      });
    }
    return this.finish(table, problems, options, () =>
      this.contacts
        .createMany(
          ctx,
          clientId,
          inputs.map((x) => x.input),
        )
        .then(() => inputs.length),
    );
  }

  /** Columns outside the standard ones are typed attributes of each row's asset type. */
  private attributesOf(
    cells: Record<string, string>,
    columns: string[],
    at: (column: string | null, message: string) => void,
  ): Record<string, string | number | boolean> {
    const type = cells.type?.toLowerCase() as AssetType;
    const definitions = ATTRIBUTES_BY_TYPE[type];
    const attributes: Record<string, string | number | boolean> = {};
    for (const column of columns) {
      if (ASSET_COLUMNS.includes(column) || empty(cells[column])) continue;
      if (!definitions) continue;
      const definition = definitions.find((d) => d.key === column);
      if (!definition) {
        at(column, `a ${type} has no attribute "${column}"`);
        continue;
      }
      attributes[column] = coerceAttribute(definition.kind, cells[column] ?? '');
    }
    // Checked here too, so that a row refused for another field still shows its attribute problems.
    if (definitions) for (const p of validateAttributes(type, attributes)) at(p.key, p.message);
    return attributes;
  }

  private async finish(
    table: CsvTable,
    problems: Problem[],
    options: ImportOptions,
    write: () => Promise<number>,
  ): Promise<ImportReport> {
    const all = [...new Map(problems.map((p) => [`${p.line}|${p.column}|${p.message}`, p])).values()];
    all.sort((a, b) => a.line - b.line);
    // A report is for people: past a thousand problems the file needs fixing as a whole, and the answer stays small.
    const unique = all.length > MAX_PROBLEMS ? all.slice(0, MAX_PROBLEMS) : all;
    if (all.length > MAX_PROBLEMS) {
      unique.push({ line: 0, column: null, message: `…and ${all.length - MAX_PROBLEMS} more problems` });
    }
    const report = { dryRun: options.dryRun, rows: table.rows.length, problems: unique, imported: 0 };
    options.onProgress?.('validate', table.rows.length, table.rows.length);
    if (options.dryRun) return report;
    if (unique.length > 0) {
      throw new AppError(
        422,
        'invalid',
        `${new Set(unique.map((p) => p.line)).size} row(s) have problems; nothing was imported`,
        unique,
      );
    }
    options.onProgress?.('write', 0, table.rows.length);
    const imported = await write();
    options.onProgress?.('write', imported, table.rows.length);
    return { ...report, imported };
  }

  private async checkTarget(ctx: Ctx, clientId: string, area: 'asset' | 'contact'): Promise<void> {
    assertCanCreateIn(ctx.actor, area, clientId);
    if (!(await this.clients.exists(clientId))) throw notFound('Client');
  }
}

function requireColumns(table: CsvTable, required: string[]): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length > 0)
    throw new AppError(400, 'invalid_csv', `Missing column(s) in the header: ${missing.join(', ')}`);
}

/** A named reference (site, owner, vendor): blank is null, unknown reports a problem and yields null. */
function lookup(value: string | undefined, map: Map<string, string>, onUnknown: () => void): string | null {
  if (value === undefined || value.trim() === '') return null;
  const id = map.get(value.trim().toLowerCase());
  if (!id) onUnknown();
  return id ?? null;
}

function columnOf(path: PropertyKey[], fieldColumns: Record<string, string>): string | null {
  const [field, key] = path;
  if (field === 'attributes' && typeof key === 'string') return key;
  if (typeof field !== 'string') return null;
  return fieldColumns[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
