#!/usr/bin/env bash
# Makes dist/zavmo-desktop-VERSION-macos.dmg from the .app that packaging/build.py builds on
# a Mac ("dist/Zavmo Desktop.app"). Signs and notarises when the identity and the notary
# profile are given (see packaging/macos/README.md); without them the .dmg is unsigned,
# for testing only: Gatekeeper refuses it on other Macs.
#   SIGN_IDENTITY="Developer ID Application: Zavmo Ltd (TEAMID)" NOTARY_PROFILE=zavmo \
#     bash packaging/macos/build_dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname)" = Darwin ] || { echo "Run this on macOS." >&2; exit 2; }

APP="dist/Zavmo Desktop.app"
VERSION="$(python3 -c 'import re;print(re.search(r"__version__ = \"(.+?)\"", open("zavmo_desktop/__init__.py").read())[1])')"
DMG="dist/zavmo-desktop-${VERSION}-macos.dmg"
[ -d "$APP" ] || { echo "No $APP: run python packaging/build.py first." >&2; exit 2; }

if [ -n "${SIGN_IDENTITY:-}" ]; then
  # Hardened runtime (required for notarisation); every Mach-O inside, then the app.
  # Python needs no JIT or unsigned-memory entitlements; Qt Multimedia needs none either.
  find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -111 \) -print0 |
    xargs -0 codesign --force --options runtime --timestamp --sign "$SIGN_IDENTITY"
  codesign --force --options runtime --timestamp --sign "$SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"  # drag the app onto it to install
cp dist/zavmo-desktop/THIRD-PARTY.txt "$STAGE/" 2>/dev/null || true
rm -f "$DMG"
hdiutil create -volname "Zavmo Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_IDENTITY" "$DMG"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"  # so Gatekeeper can check it offline, as learners often are
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi
echo "Made $DMG"
