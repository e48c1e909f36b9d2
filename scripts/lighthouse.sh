#!/usr/bin/env bash
# Lighthouse's performance and accessibility scores for the employee's app on the phone profile (Lighthouse's default:
# a mid-range phone, throttled 4G), signed in as a demo employee, against a server started by ./run.sh. Lighthouse comes
# from npm (pinned; 13 needs Node 22) and drives Debian's chromium.
#   scripts/lighthouse.sh [BASE_URL] [EMAIL]     (defaults: http://127.0.0.1:5080, a demo employee with trips)
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
email=${2:-dos-00001@demo.mobility.local}
out=$(mktemp -d /tmp/mobility-lighthouse.XXXXXX)
curl -fsS -c "$out/cookies" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"mobilite-demo\"}" \
  "$base/api/auth/login?useCookies=true" >/dev/null
# The session cookie is HttpOnly: curl writes it on a line starting "#HttpOnly_", which is not a comment.
cookie=$(sed 's/^#HttpOnly_//' "$out/cookies" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
[ -n "$cookie" ] || { echo "signing in as $email gave no session cookie" >&2; exit 1; }
for screen in week settings; do
  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12.2.3 "$base/#$screen" --quiet \
    --only-categories=performance,accessibility --extra-headers "{\"Cookie\":\"$cookie\"}" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output-path="$out/$screen.json" >/dev/null 2>&1
  python3 - "$out/$screen.json" "$screen" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
if any(i["url"].endswith("/api/me") and i.get("statusCode") == 401 for i in report["audits"]["network-requests"]["details"]["items"]):
    sys.exit(f"{sys.argv[2]}: measured signed out (the session cookie was refused)")
c, a = report["categories"], report["audits"]
print(f"{sys.argv[2]}: performance {round(c['performance']['score'] * 100)}, accessibility {round(c['accessibility']['score'] * 100)}, "
      f"LCP {a['largest-contentful-paint']['numericValue'] / 1000:.1f} s, TBT {a['total-blocking-time']['numericValue']:.0f} ms, "
      f"JS transferred {sum(i['transferSize'] for i in a['network-requests']['details']['items'] if i.get('resourceType') == 'Script') / 1024:.0f} KiB")
for audit in report["categories"]["accessibility"]["auditRefs"]:
    result = a[audit["id"]]
    if result.get("score") is not None and result["score"] < 1 and audit.get("weight", 0) > 0:
        print(f"  accessibility: {audit['id']}: {result['title']}")
PY
done
echo "reports: $out"
