import {
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckConfig, CheckKind } from '../api/monitoring-setup-endpoints';
import type { FieldErrors } from '../lib/form';

/** Every kind's settings as the form edits them: text for what people type, numbers as `number | ''`. */
export interface CheckConfigDraft {
  host: string;
  port: number | '';
  url: string;
  method: 'GET' | 'HEAD';
  expectStatus: string;
  keyword: string;
  warnMs: number | '';
  critMs: number | '';
  ignoreTlsErrors: boolean;
  servername: string;
  warnDays: number | '';
  critDays: number | '';
  dnsName: string;
  recordType: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS';
  server: string;
  expect: string;
  community: string;
  oid: string;
  warn: number | '';
  crit: number | '';
  direction: 'above' | 'below';
  command: string;
  unit: string;
  silenceSeconds: number | '';
}

const DEFAULT_PORTS: Partial<Record<CheckKind, number>> = { tcp: 22, tls: 443, snmp: 161 };

export function draftOf(config: CheckConfig | null): CheckConfigDraft {
  const c = (config ?? {}) as Record<string, unknown>;
  const num = (v: unknown): number | '' => (typeof v === 'number' ? v : '');
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const kind = config?.kind;
  return {
    host: str(c.host),
    port: num(c.port),
    url: str(c.url),
    method: c.method === 'HEAD' ? 'HEAD' : 'GET',
    expectStatus: Array.isArray(c.expectStatus) ? c.expectStatus.join(', ') : '',
    keyword: str(c.keyword),
    warnMs: num(c.warnMs),
    critMs: num(c.critMs),
    ignoreTlsErrors: c.ignoreTlsErrors === true,
    servername: str(c.servername),
    warnDays: kind === 'tls' ? num(c.warnDays) : 21,
    critDays: kind === 'tls' ? num(c.critDays) : 7,
    dnsName: kind === 'dns' ? str(c.name) : '',
    recordType: (c.recordType as CheckConfigDraft['recordType']) ?? 'A',
    server: str(c.server),
    expect: str(c.expect),
    community: kind === 'snmp' ? str(c.community) : 'public',
    oid: str(c.oid),
    warn: num(c.warn),
    crit: num(c.crit),
    direction: c.direction === 'below' ? 'below' : 'above',
    command: Array.isArray(c.command) ? c.command.join('\n') : '',
    unit: str(c.unit),
    silenceSeconds: kind === 'heartbeat' ? num(c.silenceSeconds) : 300,
  };
}

const opt = <T,>(v: T | '' | undefined): T | undefined => (v === '' || v === undefined ? undefined : v);
const optText = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** The config the API takes for this kind, from the draft (the server validates; its errors come back per field). */
export function configOf(kind: CheckKind, d: CheckConfigDraft): CheckConfig {
  switch (kind) {
    case 'icmp':
      return { kind, host: d.host.trim(), warnMs: opt(d.warnMs), critMs: opt(d.critMs) };
    case 'tcp':
      return { kind, host: d.host.trim(), port: opt(d.port) as number, warnMs: opt(d.warnMs), critMs: opt(d.critMs) };
    case 'http': {
      const statuses = d.expectStatus
        .split(/[\s,;]+/)
        .filter((s) => s !== '')
        .map(Number);
      return {
        kind,
        url: d.url.trim(),
        method: d.method,
        expectStatus: statuses.length > 0 ? statuses : undefined,
        keyword: optText(d.keyword),
        warnMs: opt(d.warnMs),
        critMs: opt(d.critMs),
        ignoreTlsErrors: d.ignoreTlsErrors,
      };
    }
    case 'tls':
      return {
        kind,
        host: d.host.trim(),
        port: opt(d.port) ?? 443,
        servername: optText(d.servername),
        warnDays: opt(d.warnDays) ?? 21,
        critDays: opt(d.critDays) ?? 7,
      };
    case 'dns':
      return {
        kind,
        name: d.dnsName.trim(),
        recordType: d.recordType,
        server: optText(d.server),
        expect: optText(d.expect),
      };
    case 'snmp':
      return {
        kind,
        host: d.host.trim(),
        port: opt(d.port) ?? 161,
        community: d.community.trim() || 'public',
        oid: d.oid.trim(),
        warn: opt(d.warn),
        crit: opt(d.crit),
        direction: d.direction,
      };
    case 'plugin':
      return {
        kind,
        command: d.command
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      };
    case 'service':
      return { kind, unit: d.unit.trim() };
    case 'heartbeat':
      return { kind, silenceSeconds: opt(d.silenceSeconds) ?? 300 };
  }
}

/** The first error at `config.<key>` or below it (`config.command.2`). */
function errorAt(errors: FieldErrors, key: string): string | undefined {
  const path = `config.${key}`;
  const hit = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return hit ? errors[hit] : undefined;
}

const numberOf = (v: string | number): number | '' => (v === '' ? '' : typeof v === 'number' ? v : Number(v));

/** The settings of one kind of check: only the fields that kind reads. */
export function CheckConfigFields({
  kind,
  draft,
  onChange,
  errors,
}: {
  kind: CheckKind;
  draft: CheckConfigDraft;
  onChange: (patch: Partial<CheckConfigDraft>) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const f = (key: string) => t(`monitoringSetup.checkForm.${key}` as 'monitoringSetup.checkForm.host');
  const text = (key: keyof CheckConfigDraft, errorKey: string = key, props: Record<string, unknown> = {}) => (
    <TextInput
      label={f(key)}
      value={draft[key] as string}
      error={errorAt(errors, errorKey)}
      onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      {...props}
    />
  );
  const number = (key: keyof CheckConfigDraft, errorKey: string = key, props: Record<string, unknown> = {}) => (
    <NumberInput
      label={f(key)}
      value={draft[key] as number | ''}
      error={errorAt(errors, errorKey)}
      onChange={(v) => onChange({ [key]: numberOf(v) })}
      allowDecimal={false}
      {...props}
    />
  );
  const latency = (
    <SimpleGrid cols={2}>
      {number('warnMs', 'warnMs', { min: 1, suffix: ' ms' })}
      {number('critMs', 'critMs', { min: 1, suffix: ' ms' })}
    </SimpleGrid>
  );

  switch (kind) {
    case 'icmp':
      return (
        <Stack gap="sm">
          {text('host', 'host', { required: true, placeholder: '192.0.2.10' })}
          {latency}
        </Stack>
      );
    case 'tcp':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div style={{ gridColumn: 'span 2' }}>{text('host', 'host', { required: true })}</div>
            {number('port', 'port', { required: true, min: 1, max: 65535, placeholder: String(DEFAULT_PORTS.tcp) })}
          </SimpleGrid>
          {latency}
        </Stack>
      );
    case 'http':
      return (
        <Stack gap="sm">
          {text('url', 'url', { required: true, placeholder: 'https://www.example.com/health', type: 'url' })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Select
                label={f('method')}
                data={['GET', 'HEAD']}
                value={draft.method}
                allowDeselect={false}
                error={errorAt(errors, 'method')}
                onChange={(v) => onChange({ method: (v as 'GET' | 'HEAD') ?? 'GET' })}
              />
            </Stack>
            {text('expectStatus', 'expectStatus', { description: f('expectStatusHint'), placeholder: '200, 301' })}
          </SimpleGrid>
          {text('keyword', 'keyword', { description: f('keywordHint') })}
          {latency}
          <Checkbox
            label={f('ignoreTlsErrors')}
            checked={draft.ignoreTlsErrors}
            onChange={(e) => onChange({ ignoreTlsErrors: e.currentTarget.checked })}
          />
        </Stack>
      );
    case 'tls':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div style={{ gridColumn: 'span 2' }}>{text('host', 'host', { required: true })}</div>
            {number('port', 'port', { min: 1, max: 65535, placeholder: '443' })}
          </SimpleGrid>
          {text('servername', 'servername', { description: f('servernameHint') })}
          <SimpleGrid cols={2}>
            {number('warnDays', 'warnDays', { min: 0 })}
            {number('critDays', 'critDays', { min: 0 })}
          </SimpleGrid>
        </Stack>
      );
    case 'dns':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div style={{ gridColumn: 'span 2' }}>{text('dnsName', 'name', { required: true })}</div>
            <Select
              label={f('recordType')}
              data={['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS']}
              value={draft.recordType}
              allowDeselect={false}
              onChange={(v) => onChange({ recordType: (v ?? 'A') as CheckConfigDraft['recordType'] })}
            />
          </SimpleGrid>
          {text('server', 'server', { description: f('serverHint') })}
          {text('expect', 'expect', { description: f('expectHint') })}
        </Stack>
      );
    case 'snmp':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div style={{ gridColumn: 'span 2' }}>{text('host', 'host', { required: true })}</div>
            {number('port', 'port', { min: 1, max: 65535, placeholder: '161' })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('community', 'community')}
            {text('oid', 'oid', { required: true, description: f('oidHint'), placeholder: '1.3.6.1.2.1.1.3.0' })}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberInput
              label={f('warn')}
              value={draft.warn}
              error={errorAt(errors, 'warn')}
              onChange={(v) => onChange({ warn: numberOf(v) })}
            />
            <NumberInput
              label={f('crit')}
              value={draft.crit}
              error={errorAt(errors, 'crit')}
              onChange={(v) => onChange({ crit: numberOf(v) })}
            />
          </SimpleGrid>
          <Group gap="xs" align="center">
            <span id="snmp-direction-label" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {f('direction')}
            </span>
            <SegmentedControl
              aria-labelledby="snmp-direction-label"
              value={draft.direction}
              onChange={(v) => onChange({ direction: v as 'above' | 'below' })}
              data={[
                { value: 'above', label: t('monitoringSetup.checkForm.directions.above') },
                { value: 'below', label: t('monitoringSetup.checkForm.directions.below') },
              ]}
            />
          </Group>
        </Stack>
      );
    case 'plugin':
      return (
        <Textarea
          label={f('command')}
          description={f('commandHint')}
          required
          autosize
          minRows={3}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          placeholder={'/usr/lib/nagios/plugins/check_disk\n-w\n20%\n-c\n10%\n-p\n/'}
          value={draft.command}
          error={errorAt(errors, 'command')}
          onChange={(e) => onChange({ command: e.currentTarget.value })}
        />
      );
    case 'service':
      return text('unit', 'unit', { required: true, description: f('unitHint'), placeholder: 'nginx.service' });
    case 'heartbeat':
      return number('silenceSeconds', 'silenceSeconds', { min: 60, max: 86400, suffix: ' s' });
  }
}
