import { isRealDate } from './dates.js';

/** DOMAIN §5: configuration items, physical and logical. */
export const PHYSICAL_ASSET_TYPES = [
  'server',
  'nas',
  'switch',
  'router',
  'firewall',
  'access_point',
  'ups',
  'workstation',
  'laptop',
  'printer',
  'phone',
] as const;

export const LOGICAL_ASSET_TYPES = [
  'virtual_machine',
  'virtual_firewall',
  'hypervisor_cluster',
  'database',
  'application',
  'office_suite',
  'business_software',
  'service',
  'domain_name',
  'tls_certificate',
  'cloud_resource',
  'backup_repository',
] as const;

export const ASSET_TYPES = [...PHYSICAL_ASSET_TYPES, ...LOGICAL_ASSET_TYPES] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export type AssetCategory = 'physical' | 'logical';

export const ASSET_STATUSES = ['planned', 'in_service', 'maintenance', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** 1 = low … 4 = vital; feeds the impact side of the priority matrix later. */
export const CRITICALITIES = [1, 2, 3, 4] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export function assetCategory(type: AssetType): AssetCategory {
  return (PHYSICAL_ASSET_TYPES as readonly string[]).includes(type) ? 'physical' : 'logical';
}

export type AttributeKind = 'text' | 'integer' | 'number' | 'date' | 'ip' | 'boolean';

/** One typed attribute an asset type carries (e.g. a certificate's expiry date). */
export interface AttributeDefinition {
  key: string;
  kind: AttributeKind;
}

const hardware: AttributeDefinition[] = [
  { key: 'manufacturer', kind: 'text' },
  { key: 'model', kind: 'text' },
  { key: 'serial_number', kind: 'text' },
  { key: 'purchase_date', kind: 'date' },
  { key: 'warranty_until', kind: 'date' },
];
const networked: AttributeDefinition[] = [
  { key: 'hostname', kind: 'text' },
  { key: 'ip_address', kind: 'ip' },
];
const computer: AttributeDefinition[] = [
  ...hardware,
  ...networked,
  { key: 'os', kind: 'text' },
  { key: 'os_version', kind: 'text' },
  { key: 'cpu_cores', kind: 'integer' },
  { key: 'memory_gb', kind: 'number' },
  { key: 'disk_gb', kind: 'number' },
];
const software: AttributeDefinition[] = [
  { key: 'version', kind: 'text' },
  { key: 'license_key_ref', kind: 'text' },
  { key: 'license_count', kind: 'integer' },
  { key: 'end_of_support', kind: 'date' },
];

/** Attributes each asset type accepts; anything else is refused so that typos do not pile up. */
export const ATTRIBUTES_BY_TYPE: Record<AssetType, AttributeDefinition[]> = {
  server: computer,
  workstation: computer,
  laptop: computer,
  nas: [...hardware, ...networked, { key: 'capacity_tb', kind: 'number' }, { key: 'firmware', kind: 'text' }],
  switch: [...hardware, ...networked, { key: 'ports', kind: 'integer' }, { key: 'firmware', kind: 'text' }],
  router: [...hardware, ...networked, { key: 'firmware', kind: 'text' }, { key: 'wan_ip', kind: 'ip' }],
  firewall: [...hardware, ...networked, { key: 'firmware', kind: 'text' }, { key: 'wan_ip', kind: 'ip' }],
  access_point: [...hardware, ...networked, { key: 'firmware', kind: 'text' }],
  ups: [
    ...hardware,
    ...networked,
    { key: 'capacity_va', kind: 'integer' },
    { key: 'battery_replaced_on', kind: 'date' },
  ],
  printer: [...hardware, ...networked],
  phone: [...hardware, { key: 'phone_number', kind: 'text' }, { key: 'extension', kind: 'text' }],
  virtual_machine: [
    ...networked,
    { key: 'os', kind: 'text' },
    { key: 'os_version', kind: 'text' },
    { key: 'vcpus', kind: 'integer' },
    { key: 'memory_gb', kind: 'number' },
    { key: 'disk_gb', kind: 'number' },
  ],
  virtual_firewall: [...networked, { key: 'version', kind: 'text' }],
  hypervisor_cluster: [
    { key: 'platform', kind: 'text' },
    { key: 'version', kind: 'text' },
    { key: 'nodes', kind: 'integer' },
  ],
  database: [
    { key: 'engine', kind: 'text' },
    { key: 'version', kind: 'text' },
    { key: 'size_gb', kind: 'number' },
    { key: 'port', kind: 'integer' },
  ],
  application: software,
  office_suite: software,
  business_software: software,
  service: [
    { key: 'url', kind: 'text' },
    { key: 'port', kind: 'integer' },
  ],
  domain_name: [
    { key: 'registrar', kind: 'text' },
    { key: 'expires_on', kind: 'date' },
    { key: 'auto_renew', kind: 'boolean' },
  ],
  tls_certificate: [
    { key: 'common_name', kind: 'text' },
    { key: 'issuer', kind: 'text' },
    { key: 'expires_on', kind: 'date' },
  ],
  cloud_resource: [
    { key: 'provider', kind: 'text' },
    { key: 'region', kind: 'text' },
    { key: 'resource_id', kind: 'text' },
  ],
  backup_repository: [
    { key: 'technology', kind: 'text' },
    { key: 'location', kind: 'text' },
    { key: 'capacity_tb', kind: 'number' },
    { key: 'immutable', kind: 'boolean' },
  ],
};

export type AttributeValue = string | number | boolean;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:]+$/i;

function checkValue(kind: AttributeKind, value: AttributeValue): string | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.length <= 500 ? null : 'must be text (500 characters at most)';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be a whole number';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'ip':
      return typeof value === 'string' && (IPV4.test(value) || (value.includes(':') && IPV6.test(value)))
        ? null
        : 'must be an IPv4 or IPv6 address';
  }
}

/** Problems of an asset's attributes against its type: unknown keys and values of the wrong kind. */
export function validateAttributes(
  type: AssetType,
  attributes: Record<string, AttributeValue>,
): { key: string; message: string }[] {
  const definitions = new Map(ATTRIBUTES_BY_TYPE[type].map((d) => [d.key, d.kind]));
  const problems: { key: string; message: string }[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const kind = definitions.get(key);
    if (!kind) {
      problems.push({ key, message: `unknown attribute for a ${type}` });
      continue;
    }
    const problem = checkValue(kind, value);
    if (problem) problems.push({ key, message: problem });
  }
  return problems;
}

/** Converts a spreadsheet cell to the attribute's kind; returns the raw text when it does not fit (validation then names it). */
export function coerceAttribute(kind: AttributeKind, raw: string): AttributeValue {
  const text = raw.trim();
  if (kind === 'integer' || kind === 'number') {
    const n = Number(text.replace(',', '.'));
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  if (kind === 'boolean') {
    const lower = text.toLowerCase();
    if (['true', 'yes', 'oui', '1', 'y'].includes(lower)) return true;
    if (['false', 'no', 'non', '0', 'n'].includes(lower)) return false;
    return text;
  }
  return text;
}
