import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small label over a value, for the fact grids of detail pages. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
