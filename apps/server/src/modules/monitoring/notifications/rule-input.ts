/**
 * A notification rule as written: the fields given merged over the rule's, checked as a whole (a webhook needs an
 * http(s) URL and a webhook format; a mail rule needs addresses or a team), turned into its row.
 */
import { createHash } from 'node:crypto';
import type { NotificationRuleView } from '@vigie/contracts';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../../../core/errors.js';
import type { NotificationRuleRow } from '../../../db/schema-monitoring.js';
import { splitAddresses } from './mail-recipients.js';

export type RuleFields = Omit<NotificationRuleView, 'id' | 'createdAt'>;

const Email = z.email();

function problemsOf(rule: RuleFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rule.channel === 'webhook') {
    let url: URL | null = null;
    try {
      url = new URL(rule.target);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
      problems.push({ path: ['target'], message: 'a webhook needs an http:// or https:// URL' });
    } else if (url.username || url.password) {
      problems.push({ path: ['target'], message: 'put no user or password in the webhook URL' });
    }
    if (rule.format === 'text') {
      problems.push({ path: ['format'], message: 'a webhook posts json, slack or teams, not text' });
    }
  } else {
    const addresses = splitAddresses(rule.target);
    const bad = addresses.filter((a) => !Email.safeParse(a).success);
    if (bad.length > 0) problems.push({ path: ['target'], message: `not a mail address: ${bad.join(', ')}` });
    else if (addresses.length === 0 && rule.teamId === null) {
      problems.push({ path: ['target'], message: 'a mail rule needs at least one address, or a team to mail' });
    }
  }
  return problems;
}

/** The rule's fields made consistent (mail is always text), or a 400 naming every problem. */
export function checkedRule(rule: RuleFields): RuleFields {
  const fields: RuleFields = {
    ...rule,
    format: rule.channel === 'email' ? 'text' : rule.format,
    target: rule.channel === 'email' ? splitAddresses(rule.target).join(', ') : rule.target,
  };
  const problems = problemsOf(fields);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'validation',
      problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '),
      problems,
    );
  }
  return fields;
}

export function ruleRow(id: string, createdAt: string, f: RuleFields): NotificationRuleRow {
  return {
    id,
    name: f.name,
    client_id: f.clientId,
    team_id: f.teamId,
    min_severity: f.minSeverity,
    channel: f.channel,
    target: f.target,
    format: f.format,
    repeat_minutes: f.repeatMinutes,
    enabled: f.enabled ? 1 : 0,
    created_at: createdAt,
  };
}

export function presentRule(row: NotificationRuleRow): NotificationRuleView {
  return {
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    teamId: row.team_id,
    minSeverity: row.min_severity as RuleFields['minSeverity'],
    channel: row.channel as RuleFields['channel'],
    target: row.target,
    format: row.format as RuleFields['format'],
    repeatMinutes: row.repeat_minutes,
    enabled: row.enabled === 1,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * A webhook URL often carries its secret (Slack, Teams): the audit trail keeps where it points and a short digest,
 * enough to see that it changed.
 */
export function auditedRule(view: NotificationRuleView): Record<string, unknown> {
  if (view.channel !== 'webhook') return { ...view };
  try {
    const digest = createHash('sha256').update(view.target).digest('hex').slice(0, 8);
    return { ...view, target: `${new URL(view.target).origin}/… (${digest})` };
  } catch {
    return { ...view, target: '…' };
  }
}
