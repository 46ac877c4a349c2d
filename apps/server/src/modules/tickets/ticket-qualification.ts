/**
 * Qualifying a ticket at intake (DOMAIN §2–§4): the contract it runs under and whether it is in scope, its
 * priority from the impact × urgency matrix, the support level it starts at, the team it lands with.
 */
import {
  type AssetType,
  chooseContract,
  defaultPriorityMatrix,
  entrySupportLevel,
  type Priority,
  type PriorityMatrix,
  priorityOf,
  type ScopeDomain,
  type SeverityLevel,
  type SlaTerms,
  type SupportLevel,
  scopeDomainOfAssetType,
} from '@vigie/domain';
import type { FieldProblem } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import type { ContractRow } from '../../db/schema.js';
import { termsOf } from './sla-storage.js';
import { assetsByIds, categoryRow, contractsInForce, setting, teamsServing } from './ticket-lookups.repository.js';

export const PRIORITY_MATRIX_KEY = 'priority_matrix';

export async function priorityMatrix(db: Db): Promise<PriorityMatrix> {
  return (await setting<PriorityMatrix>(db, PRIORITY_MATRIX_KEY)) ?? defaultPriorityMatrix();
}

export interface Qualification {
  contract: ContractRow | null;
  terms: SlaTerms | null;
  outOfScope: boolean;
  priority: Priority;
  entryLevel: SupportLevel;
  levelsDelivered: SupportLevel[];
  /** The category's default team, when it has one. */
  categoryTeamId: string | null;
}

export interface QualificationInput {
  clientId: string;
  impact: SeverityLevel;
  urgency: SeverityLevel;
  categoryId: string | null;
  assetIds: readonly string[];
  /** The client's local date, to pick contracts in force. */
  today: string;
}

/** Every problem of the references a ticket makes (assets of another client, unknown category), or the result. */
export async function qualify(
  db: Db,
  input: QualificationInput,
): Promise<{ problems: FieldProblem[] } | { qualification: Qualification }> {
  const problems: FieldProblem[] = [];
  const domains = new Set<ScopeDomain>();
  const assets = await assetsByIds(db, input.assetIds);
  const found = new Map(assets.map((a) => [a.id, a]));
  input.assetIds.forEach((id, index) => {
    const asset = found.get(id);
    // Another client's asset reads as unknown: its existence is not this client's business.
    if (!asset || asset.client_id !== input.clientId) {
      problems.push({ path: ['assetIds', index], message: 'no such asset at this client' });
    } else {
      domains.add(scopeDomainOfAssetType(asset.type as AssetType));
    }
  });
  let categoryTeamId: string | null = null;
  if (input.categoryId) {
    const category = await categoryRow(db, input.categoryId);
    if (category?.active !== 1) {
      problems.push({ path: ['categoryId'], message: 'no such active category' });
    } else {
      if (category.scope_domain) domains.add(category.scope_domain as ScopeDomain);
      categoryTeamId = category.default_team_id;
    }
  }
  if (problems.length > 0) return { problems };

  const contracts = await contractsInForce(db, input.clientId, input.today);
  const choice = chooseContract(
    contracts.map((row) => ({ id: row.id, scopeDomains: fromJson<ScopeDomain[]>(row.scope_domains), row })),
    [...domains],
  );
  const contract = choice.contract?.row ?? null;
  const levelsDelivered: SupportLevel[] = contract ? fromJson<SupportLevel[]>(contract.support_levels) : [1, 2, 3];
  const matrix = await priorityMatrix(db);
  return {
    qualification: {
      contract,
      terms: contract ? termsOf(contract) : null,
      outOfScope: choice.outOfScope,
      priority: priorityOf(matrix, input.impact, input.urgency),
      entryLevel: entrySupportLevel(levelsDelivered) ?? 1,
      levelsDelivered: levelsDelivered.length > 0 ? levelsDelivered : [1, 2, 3],
      categoryTeamId,
    },
  };
}

/**
 * The team a new ticket lands with when nobody names one: the category's team, else the serving team the person
 * logging it belongs to, else the serving team whose technicians work at the ticket's entry level; else none (the
 * ticket waits in the unassigned queue).
 */
export async function defaultTeam(
  db: Db,
  clientId: string,
  q: Qualification,
  loggedBy: string | null,
): Promise<string | null> {
  const teams = await teamsServing(db, clientId, loggedBy);
  // The category's team only when it serves this client: another client's team would never see the ticket.
  if (q.categoryTeamId && teams.some((t) => t.id === q.categoryTeamId)) return q.categoryTeamId;
  return (teams.find((t) => t.hasUser) ?? teams.find((t) => t.minLevel === q.entryLevel))?.id ?? null;
}
