import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';

/** Keys typed on these elements belong to them (a focused button takes Enter, an open menu takes the arrows). */
const OWN_KEYS = 'button, a, [role="tab"], [role="menuitem"], [role="option"], [role="listbox"], [role="dialog"]';

function ownedByControl(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest(OWN_KEYS) !== null;
}

/**
 * A keyboard cursor over the rows of a list: `j`/`↓` next, `k`/`↑` previous, Enter opens. The cursor goes back to
 * the first row when `resetKey` changes (another queue or filter), and stays within the rows loaded.
 */
export function useRowSelection(count: number, resetKey: string, onOpen: (index: number) => void) {
  const [selected, setSelected] = useState(0);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    setKey(resetKey);
    setSelected(0);
  }
  const current = Math.min(selected, Math.max(0, count - 1));

  const move = (step: number) => (event: KeyboardEvent) => {
    if (ownedByControl(event) || count === 0) return;
    setSelected(Math.min(count - 1, Math.max(0, current + step)));
  };

  useHotkeys([
    ['j', move(1)],
    ['ArrowDown', move(1)],
    ['k', move(-1)],
    ['ArrowUp', move(-1)],
    [
      'Enter',
      (event) => {
        if (ownedByControl(event) || count === 0) return;
        onOpen(current);
      },
      { preventDefault: false },
    ],
  ]);

  return { selected: count === 0 ? -1 : current, setSelected };
}
