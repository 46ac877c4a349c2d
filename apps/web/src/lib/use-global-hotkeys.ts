import { useHotkeys } from '@mantine/hooks';
import { useRef } from 'react';
import { useNavigate } from 'react-router';

const SEQUENCE_MS = 1500;

/** Focuses the search box of the current page (the input marked `data-search-box`). */
export function focusSearchBox(): void {
  const box = document.querySelector<HTMLInputElement>('[data-search-box]');
  box?.focus();
  box?.select();
}

/** `/` search, `g c` clients, `g a` assets, `g u` audit, `?` help. */
export function useGlobalHotkeys(onHelp: () => void): void {
  const navigate = useNavigate();
  const pendingG = useRef(0);

  const go = (path: string) => () => {
    if (Date.now() - pendingG.current > SEQUENCE_MS) return;
    pendingG.current = 0;
    void navigate(path);
  };

  useHotkeys([
    ['/', focusSearchBox],
    ['shift+?', onHelp],
    ['?', onHelp],
    [
      'g',
      () => {
        pendingG.current = Date.now();
      },
    ],
    ['c', go('/clients'), { preventDefault: false }],
    ['a', go('/assets'), { preventDefault: false }],
    ['u', go('/audit'), { preventDefault: false }],
  ]);
}
