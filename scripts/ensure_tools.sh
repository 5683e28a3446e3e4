#!/usr/bin/env bash
# Install the Debian packages the suite drives for real, where one is missing: Chromium (browser tests),
# HAProxy (the production set-up's tests) LibreOffice Impress and poppler-utils (the deck is rendered and read back in a check).
# Root with apt-get installs them; elsewhere it says what is missing, and the tests needing it fail under CI=true.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)  # reads the rendered deck back
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} (Debian packages) for the suite..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "Not installed and could not be installed here: ${missing[*]}; the tests needing them skip (fail under CI=true)." >&2
exit 0
