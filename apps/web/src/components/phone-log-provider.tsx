import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { createContext, type ReactNode, use } from 'react';
import { PhoneLogModal } from './phone-log-modal';

const PhoneLogContext = createContext<() => void>(() => undefined);

/** The phone-log dialog, open from anywhere in the staff console: `n`, or a "Log a call" button. */
export function PhoneLogProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys(enabled ? [['n', open]] : []);
  return (
    <PhoneLogContext value={open}>
      {children}
      {enabled && opened && <PhoneLogModal onClose={close} />}
    </PhoneLogContext>
  );
}

/** Opens the phone-log dialog. */
export function useOpenPhoneLog(): () => void {
  return use(PhoneLogContext);
}
