#!/usr/bin/env bash
# Prints the current authenticator-app code for a TOTP secret, as an authenticator app would show it:
#
#   bash scripts/totp.sh JBSWY3DPEHPK3PXP
#
# The secret is the `secretCode` of POST /api/user/mfa/totp/enrol or of an MFA_SETUP challenge. The code comes from
# Otp.NET (tools/Totp), built on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for configuration in Release Debug; do
  tool="tools/Totp/bin/$configuration/net10.0/Totp.dll"
  [ -f "$tool" ] && exec dotnet "$tool" "$@"
done

dotnet build tools/Totp/Totp.csproj -c Debug --nologo -v quiet >&2
exec dotnet tools/Totp/bin/Debug/net10.0/Totp.dll "$@"
