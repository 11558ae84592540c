#!/usr/bin/env bash
# Installs what CareWatch needs on a fresh Debian 12 machine that already has the .NET 10 SDK.
# Idempotent: it installs only what is missing. Source it, then call the functions you need.

apt_install() {
  # Installs Debian packages that are not yet installed.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} from Debian's packages…" >&2
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ensure_postgres() { apt_install postgresql-15 postgresql-client-15; }
# The tests' SMTP server (ops/smtp-server.sh) runs on Debian's /usr/bin/python3 and its aiosmtpd (a pyenv or
# virtualenv python on PATH would not see it).
ensure_smtp() { /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || apt_install python3-aiosmtpd; }
ensure_chromium() { apt_install chromium; }
# Chinese text in screenshots (a caregiver's own tablet has its fonts; a fresh server has none).
ensure_cjk_fonts() { apt_install fonts-noto-cjk; }
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  apt_install nodejs npm
}
ensure_openssl() { command -v openssl >/dev/null 2>&1 || apt_install openssl; }
# The raw broker reference of the gateway bench: Debian's mosquitto, run by the bench as a child process with its
# own config. The package enables its system service on install; the bench never uses it, so it is disabled again.
ensure_mosquitto() {
  dpkg -s mosquitto >/dev/null 2>&1 && return 0
  apt_install mosquitto
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  command -v systemctl >/dev/null 2>&1 && { $sudo systemctl disable --now mosquitto.service >/dev/null 2>&1 || true; }
}
