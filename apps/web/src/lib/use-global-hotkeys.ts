import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from 'react-router';

const SEQUENCE_MS = 1500;
/** When `g` was last pressed: the next key is a "go to" target, not a page shortcut. */
let pendingG = 0;
/** When a sequence last ended: page listeners of the same keystroke may run after the global one. */
let completedAt = 0;

/** Whether a `g …` sequence is under way; page shortcuts that share a letter with a target (`t`) yield to it. */
export function isGoSequencePending(): boolean {
  const now = Date.now();
  return now - pendingG <= SEQUENCE_MS || now - completedAt < 100;
}

/** Focuses the search box of the current page (the input marked `data-search-box`). */
export function focusSearchBox(): void {
  const box = document.querySelector<HTMLInputElement>('[data-search-box]');
  box?.focus();
  box?.select();
}

/** `/` search, `g t` tickets, `g c` clients, `g a` assets, `g u` audit, `?` help. */
export function useGlobalHotkeys(onHelp: () => void): void {
  const navigate = useNavigate();

  const go = (path: string) => () => {
    if (Date.now() - pendingG > SEQUENCE_MS) return;
    pendingG = 0;
    completedAt = Date.now();
    void navigate(path);
  };

  useHotkeys([
    ['/', focusSearchBox],
    ['shift+?', onHelp],
    ['?', onHelp],
    [
      'g',
      () => {
        pendingG = Date.now();
      },
    ],
    ['t', go('/tickets'), { preventDefault: false }],
    ['c', go('/clients'), { preventDefault: false }],
    ['a', go('/assets'), { preventDefault: false }],
    ['u', go('/audit'), { preventDefault: false }],
  ]);
}
