#!/usr/bin/env bash
# Brings a fresh machine with only Node 20 and npm to a state where netx runs:
# pnpm 12.4.2, the workspace's packages, and (with --system) the real servers
# the transport tests talk to (OpenSSH sshd, busybox telnetd, websockify).
set -euo pipefail
cd "$(dirname "$0")/../.."

PNPM_VERSION=12.4.2
want_system=0
for arg in "$@"; do
  case "$arg" in
    --system) want_system=1 ;;
    *) echo "bootstrap: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf 'bootstrap: %s\n' "$*" >&2; }

if [ "$want_system" = 1 ]; then
  # Debian package -> a file that proves it is installed.
  declare -A need=(
    [openssh-server]=/usr/sbin/sshd
    [openssh-client]=/usr/bin/ssh-keygen
    [busybox-static]=/bin/busybox
    [websockify]=/usr/bin/websockify
    [openssl]=/usr/bin/openssl
    [util-linux]=/usr/bin/script
    [chromium]=/usr/bin/chromium
    [sshpass]=/usr/bin/sshpass
    [python3-netmiko]=/usr/lib/python3/dist-packages/netmiko
  )
  missing=()
  for pkg in "${!need[@]}"; do [ -e "${need[$pkg]}" ] || missing+=("$pkg"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      say "the tests need these Debian packages: ${missing[*]}; run as root or install them: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
    say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # busybox telnetd is only in the static build; make sure that is the one we got.
  /bin/busybox telnetd --help >/dev/null 2>&1 || { /bin/busybox 2>&1 | grep -q telnetd || { say "/bin/busybox has no telnetd applet; install busybox-static"; exit 1; }; }
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION (npm -g)"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    say "npm -g failed; using npx for pnpm"
  }
fi
if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then
  PNPM=(pnpm)
else
  PNPM=(npx -y "pnpm@$PNPM_VERSION")
fi

"${PNPM[@]}" install --frozen-lockfile --reporter=silent
