/**
 * The one line the console shows on the enrollment page: fetches the install script from this server and runs it as
 * root with the server's address and the enrollment token. Quoted for sh, so a URL or token with odd characters
 * cannot break (or extend) the command an administrator pastes.
 */
export function installCommand(serverUrl: string, token: string): string {
  const base = serverUrl.replace(/\/+$/, '');
  return `curl -fsSL ${shellQuote(`${base}/agent/install.sh`)} | sudo sh -s -- --server ${shellQuote(base)} --token ${shellQuote(token)}`;
}

/** A word for sh: left bare when it holds only safe characters (the usual URL and token), else single-quoted. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
