import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { authApi } from '../api/endpoints';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/http';
import type { Me, SessionInfo } from '../api/types';

interface SessionState {
  /** undefined while the session is being checked at load, null when signed out. */
  user: Me | null | undefined;
  /** true after an explicit sign-out: the sign-in page then does not offer to go back where the user was. */
  signedOut: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);

  const apply = useCallback((session: SessionInfo | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
  }, []);

  useEffect(() => {
    let cancelled = false;
    authApi
      .session()
      .then((session) => !cancelled && apply(session))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        apply(null);
      });
    return () => {
      cancelled = true;
    };
  }, [apply]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      apply(null);
      queryClient.clear();
    });
    return () => setUnauthorizedHandler(null);
  }, [apply, queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await authApi.login(email, password);
      queryClient.clear();
      setSignedOut(false);
      apply(session);
      return session.user;
    },
    [apply, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSignedOut(true);
      apply(null);
      queryClient.clear();
    }
  }, [apply, queryClient]);

  const value = useMemo(() => ({ user, signedOut, signIn, signOut }), [user, signedOut, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const state = use(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useMe without a signed-in user');
  return user;
}
