/**
 * GET /agent/install.sh: the POSIX sh script of the one-line install (see install-command.ts). It checks for root,
 * Linux and node ≥ 18, downloads the one-file agent and its systemd unit from the server given in --server, writes
 * /usr/local/bin/vigie-agent, enrolls with --token (unless already enrolled: then it is an upgrade) and starts the
 * service. No secret in it: the token comes from the command line. VIGIE_AGENT_PREFIX (default /usr/local) and
 * VIGIE_AGENT_STATE_DIR move where it installs, for tests.
 */
export const INSTALL_SCRIPT = `#!/bin/sh
# Installs vigie-agent, the Vigie monitoring agent, and enrolls this machine.
# Usage: curl -fsSL https://vigie.example.com/agent/install.sh | sudo sh -s -- --server https://vigie.example.com --token TOKEN
set -eu

fail() {
  echo "vigie-agent install: $*" >&2
  exit 1
}
say() {
  echo "vigie-agent install: $*"
}

SERVER=""
TOKEN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) [ $# -ge 2 ] || fail "--server needs a value"; SERVER=$2; shift 2 ;;
    --server=*) SERVER=\${1#--server=}; shift ;;
    --token) [ $# -ge 2 ] || fail "--token needs a value"; TOKEN=$2; shift 2 ;;
    --token=*) TOKEN=\${1#--token=}; shift ;;
    -h|--help)
      echo "usage: install.sh --server URL --token TOKEN"
      exit 0 ;;
    *) fail "unknown argument: $1 (usage: install.sh --server URL --token TOKEN)" ;;
  esac
done
[ -n "$SERVER" ] || fail "--server URL is required (the address of your Vigie server)"
[ -n "$TOKEN" ] || fail "--token TOKEN is required (create one on the console's agent enrollment page)"
SERVER=\${SERVER%/}
case "$SERVER" in
  http://*|https://*) ;;
  *) fail "--server must start with https:// (got $SERVER)" ;;
esac

PREFIX=\${VIGIE_AGENT_PREFIX:-/usr/local}
STATE_DIR=\${VIGIE_AGENT_STATE_DIR:-/var/lib/vigie-agent}
LIB_DIR="$PREFIX/lib/vigie-agent"
BIN="$PREFIX/bin/vigie-agent"
UNIT=/etc/systemd/system/vigie-agent.service

[ "$(uname -s)" = Linux ] || fail "vigie-agent runs on Linux only for now"
[ "$(id -u)" = 0 ] || fail "run it as root (… | sudo sh -s -- --server … --token …)"

NODE=$(command -v node || true)
[ -n "$NODE" ] || fail "Node.js 18 or newer is needed first: apt-get install nodejs (Debian 12, Ubuntu 24.04) or dnf install nodejs"
NODE_MAJOR=$("$NODE" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$NODE_MAJOR" -ge 18 ] 2>/dev/null || fail "Node.js $("$NODE" --version 2>/dev/null || echo '?') is too old: vigie-agent needs 18 or newer"

download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL "$1" -o "$2" || fail "cannot download $1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1" || fail "cannot download $1"
  else
    fail "curl or wget is needed to download the agent"
  fi
}

say "downloading the agent from $SERVER"
mkdir -p "$LIB_DIR" "$PREFIX/bin"
download "$SERVER/agent/vigie-agent.mjs" "$LIB_DIR/vigie-agent.new.mjs"
"$NODE" "$LIB_DIR/vigie-agent.new.mjs" --version >/dev/null 2>&1 || fail "the downloaded agent does not run with $NODE"
mv -f "$LIB_DIR/vigie-agent.new.mjs" "$LIB_DIR/vigie-agent.mjs"
cat > "$BIN" <<WRAPPER
#!/bin/sh
exec "$NODE" "$LIB_DIR/vigie-agent.mjs" "\\$@"
WRAPPER
chmod 0755 "$BIN"
say "installed $BIN ($("$BIN" --version))"

if [ -f "$STATE_DIR/agent.json" ] && [ -f "$STATE_DIR/credential" ]; then
  say "already enrolled (state in $STATE_DIR): keeping this agent's identity, upgrade only"
else
  VIGIE_AGENT_STATE_DIR="$STATE_DIR" "$BIN" enroll --server "$SERVER" --token "$TOKEN" || fail "enrollment failed (see the line above)"
fi

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  download "$SERVER/agent/vigie-agent.service" "$UNIT.new"
  mv -f "$UNIT.new" "$UNIT"
  systemctl daemon-reload
  systemctl enable vigie-agent.service >/dev/null 2>&1 || fail "systemctl enable vigie-agent failed"
  systemctl restart vigie-agent.service || fail "vigie-agent did not start: journalctl -u vigie-agent"
  say "running: systemctl status vigie-agent, logs: journalctl -u vigie-agent, queue: vigie-agent status"
else
  say "no systemd here: start the agent with: VIGIE_AGENT_STATE_DIR=$STATE_DIR $BIN run"
fi
`;
