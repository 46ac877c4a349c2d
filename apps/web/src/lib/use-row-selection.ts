import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';

/** Where Enter belongs to the focused control (a button, a link, a tab, a menu entry), not to the list. */
const OWNS_ENTER = 'button, a, [role="tab"], [role="menuitem"], [role="option"], [role="dialog"]';
/** Where the vertical arrows belong to the focused control (an open menu or list of options). */
const OWNS_ARROWS = '[role="menu"], [role="listbox"], [role="option"], [role="dialog"]';

const within = (event: KeyboardEvent, selector: string) =>
  event.target instanceof Element && event.target.closest(selector) !== null;

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

  const move = (step: number) => () => {
    if (count > 0) setSelected(Math.min(count - 1, Math.max(0, current + step)));
  };
  const arrow = (step: number) => (event: KeyboardEvent) => {
    if (within(event, OWNS_ARROWS)) return;
    event.preventDefault(); // the cursor moves instead of the page
    move(step)();
  };

  useHotkeys([
    ['j', move(1)],
    ['ArrowDown', arrow(1), { preventDefault: false }],
    ['k', move(-1)],
    ['ArrowUp', arrow(-1), { preventDefault: false }],
    [
      'Enter',
      (event) => {
        if (within(event, OWNS_ENTER) || count === 0) return;
        onOpen(current);
      },
      { preventDefault: false },
    ],
  ]);

  return { selected: count === 0 ? -1 : current, setSelected };
}
