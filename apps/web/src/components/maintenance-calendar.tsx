import { Badge, Box, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaintenanceView } from '../api/monitoring-setup-endpoints';
import { currentLanguage } from '../i18n';
import { localDate } from '../lib/local-date';

export interface CalendarOccurrence {
  window: MaintenanceView;
  start: Date;
  end: Date;
}

/** The weeks (Monday first) shown for a month: from the Monday on or before the 1st to the Sunday on or after its end. */
export function monthGrid(month: Date): Date[] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const start = new Date(first);
  start.setDate(first.getDate() - ((first.getDay() + 6) % 7));
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0);
  const end = new Date(last);
  end.setDate(last.getDate() + (6 - ((last.getDay() + 6) % 7)));
  const days: Date[] = [];
  for (const d = new Date(start); d <= end; d.setDate(d.getDate() + 1)) days.push(new Date(d));
  return days;
}

/** Every occurrence that touches each day (a night window shows on both days it spans), by `YYYY-MM-DD`. */
export function occurrencesByDay(windows: MaintenanceView[]): Map<string, CalendarOccurrence[]> {
  const byDay = new Map<string, CalendarOccurrence[]>();
  for (const window of windows) {
    for (const o of window.occurrences) {
      const start = new Date(o.start);
      const end = new Date(o.end);
      const day = new Date(start.getFullYear(), start.getMonth(), start.getDate());
      // the last day touched is the one holding the instant just before the end
      const lastMs = end.getTime() - 1;
      for (let guard = 0; day.getTime() <= lastMs && guard < 31; guard++) {
        const key = localDate(day);
        const list = byDay.get(key) ?? [];
        list.push({ window, start, end });
        byDay.set(key, list);
        day.setDate(day.getDate() + 1);
      }
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
  return byDay;
}

const MAX_PER_DAY = 3;

/** A month as weeks × days, each day listing the windows that run then, with their scope; a day opens a new window. */
export function MaintenanceCalendar({
  month,
  windows,
  onOpen,
  onNew,
}: {
  month: Date;
  windows: MaintenanceView[];
  onOpen: (window: MaintenanceView) => void;
  onNew?: (day: Date) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
  const days = monthGrid(month);
  const byDay = occurrencesByDay(windows);
  const today = localDate();
  const time = (d: Date) => d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const weekdayNames = days.slice(0, 7).map((d) => d.toLocaleDateString(locale, { weekday: 'short' }));

  return (
    <Box
      component="section"
      aria-label={month.toLocaleDateString(locale, { month: 'long', year: 'numeric' })}
      data-testid="maintenance-calendar"
    >
      <SimpleGrid cols={7} spacing={4} aria-hidden>
        {weekdayNames.map((name) => (
          <Text key={name} size="xs" c="dimmed" ta="center" fw={600}>
            {name}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={7} spacing={4} mt={4}>
        {days.map((day) => {
          const key = localDate(day);
          const inMonth = day.getMonth() === month.getMonth();
          const list = byDay.get(key) ?? [];
          const dateLabel = day.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' });
          return (
            <Paper
              key={key}
              withBorder
              p={4}
              mih={96}
              data-day={key}
              data-count={list.length}
              bg={inMonth ? undefined : 'var(--mantine-color-default-hover)'}
              style={key === today ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
            >
              <Stack gap={2}>
                {onNew ? (
                  <Tooltip label={t('monitoringSetup.maintenance.newOn', { date: dateLabel })} openDelay={500}>
                    <UnstyledButton
                      onClick={() => onNew(day)}
                      aria-label={t('monitoringSetup.maintenance.newOn', { date: dateLabel })}
                      style={{ alignSelf: 'flex-end' }}
                    >
                      <Text size="xs" c={inMonth ? undefined : 'dimmed'} fw={key === today ? 700 : 400}>
                        {day.getDate()}
                      </Text>
                    </UnstyledButton>
                  </Tooltip>
                ) : (
                  <Text size="xs" ta="right">
                    {day.getDate()}
                  </Text>
                )}
                {list.slice(0, MAX_PER_DAY).map((o) => (
                  <UnstyledButton
                    key={`${o.window.id}-${o.start.toISOString()}`}
                    onClick={() => onOpen(o.window)}
                    title={`${o.window.title} — ${t(`monitoringSetup.maintenance.scopes.${o.window.scope}`)}: ${o.window.scopeName} (${o.window.clientName})`}
                    data-testid="maintenance-occurrence"
                    style={{
                      display: 'block',
                      borderRadius: 4,
                      padding: '1px 4px',
                      background: o.window.activeNow
                        ? 'var(--mantine-color-orange-light)'
                        : 'var(--mantine-color-blue-light)',
                    }}
                  >
                    <Text size="xs" lineClamp={1} fw={500}>
                      {localDate(o.start) === key ? time(o.start) : '…'} {o.window.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {t(`monitoringSetup.maintenance.scopes.${o.window.scope}`)}: {o.window.scopeName}
                    </Text>
                  </UnstyledButton>
                ))}
                {list.length > MAX_PER_DAY && (
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t('monitoringSetup.maintenance.more', { count: list.length - MAX_PER_DAY })}
                  </Badge>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
