/**
 * What outbound mail needs to know about the installation. One mutable object shared by the composer, the sender
 * and the password links: the public URL is only known once the HTTP server listens (when VIGIE_PUBLIC_URL is
 * unset), and tests point the relay at their SMTP sink.
 */
export interface OutboundSettings {
  /** The helpdesk's address: the From and Reply-To of every mail. */
  supportAddress: string;
  /** `smtp://…` of the relay; null keeps mail `held` in the outbox. */
  relayUrl: string | null;
  /** Base of the links put in mail (portal, reset, invitation), without a trailing slash. */
  publicUrl: string;
}

export function outboundSettings(initial: Partial<OutboundSettings> = {}): OutboundSettings {
  return {
    supportAddress: initial.supportAddress ?? 'support@vigie.local',
    relayUrl: initial.relayUrl ?? null,
    publicUrl: (initial.publicUrl ?? 'http://localhost:8080').replace(/\/+$/, ''),
  };
}
