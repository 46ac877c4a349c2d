/**
 * Socket and TLS failures in words a technician understands on the board, instead of Node's error codes. The
 * probes prefix these with what they were doing ("TCP 10.0.0.1:443: connection refused").
 */
const PHRASES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the peer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed by the peer',
  EADDRNOTAVAIL: 'address not available',
  ENOTFOUND: 'DNS failure: the name does not resolve',
  EAI_AGAIN: 'DNS failure: the resolver did not answer',
  EAI_NONAME: 'DNS failure: the name does not resolve',
  EAI_NODATA: 'DNS failure: the name has no address',
  EAI_FAIL: 'DNS failure',
  HPE_INVALID_CONSTANT: 'the answer is not HTTP',
  HPE_INVALID_STATUS: 'the answer is not HTTP',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS error: self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS error: self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS error: the certificate chain is incomplete or untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS error: the issuer of the certificate is not trusted',
  CERT_HAS_EXPIRED: 'TLS error: the certificate has expired',
  CERT_NOT_YET_VALID: 'TLS error: the certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS error: the certificate does not name this host',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS error: the port does not speak TLS',
};

/** The error code of a Node error, if it has one (errno codes, OpenSSL verify codes, parser codes). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** One short phrase for a connection failure; unknown codes keep Node's message, trimmed to one line. */
export function describeNetworkError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) {
    const phrase = PHRASES[code];
    if (phrase) return phrase;
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return `TLS error (${code})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return firstLine(message) || 'unexpected failure';
}

/** True when the failure is a TLS verification error (which `ignoreTlsErrors` is meant to waive). */
export function isTlsVerificationError(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return /CERT|SELF_SIGNED|UNABLE_TO_|ALTNAME/.test(code);
}

/** The first line of a message, at most 200 characters: outputs are one line on the board. */
export function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
