#!/usr/bin/env python3
"""How long an HR import holds its request, and how the server answers others meanwhile (docs/benchmarks.md,
"Heavy work as jobs: imports").

Signs in as HR, builds a CSV of ROWS employees of the company (homes spread around the site, no consent, so the
re-match the import asks for has nobody new to match), POSTs it, and follows the job when the answer is 202. Meanwhile
probes GET /health (each probe waits for its answer, then 100 ms). Prints the time to the POST's answer, the time to
the import's end, and /health p50/p99/max. Works on both APIs (200 inside the request, 202 with a job). Standard library only.
"""
import argparse, json, threading, time
from benchhttp import percentile, request as call

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--base", default="http://127.0.0.1:5080")
    a.add_argument("--email", required=True); a.add_argument("--password", default="mobilite-demo")
    a.add_argument("--company", type=int, required=True, help="the company's id")
    a.add_argument("--company-code", required=True); a.add_argument("--site-code", required=True)
    a.add_argument("--latitude", type=float, required=True); a.add_argument("--longitude", type=float, required=True)
    a.add_argument("--rows", type=int, default=100000)
    o = a.parse_args()
    token = call(o.base, "POST", "/api/auth/login", {"email": o.email, "password": o.password})[1]["accessToken"]
    lines = ["matricule;entreprise;site;prenom;nom;latitude;longitude;commune;consentement"]
    for i in range(o.rows):
        lines.append(f"BENCH{i:06d};{o.company_code};{o.site_code};Prénom{i};Nom {i};"
                     f"{o.latitude + (i % 41 - 20) * 0.002:.5f};{o.longitude + (i % 37 - 18) * 0.003:.5f};Bench;non")
    csv = ("\n".join(lines) + "\n").encode()
    done = threading.Event()
    health = []
    def probe():
        while not done.is_set():
            started = time.monotonic()
            call(o.base, "GET", "/health")
            health.append((time.monotonic() - started) * 1000)
            time.sleep(0.1)
    prober = threading.Thread(target=probe); prober.start()
    started = time.monotonic()
    status, body, location = call(o.base, "POST", f"/api/companies/{o.company}/imports/employees", csv, token, "text/csv")
    answered = time.monotonic() - started
    outcome = body
    if status == 202:
        while True:
            job = call(o.base, "GET", location, token=token)[1]
            if job["state"] not in ("queued", "running"): break
            time.sleep(0.5)
        outcome = job.get("result") or job.get("error")
        status = f"202, job {job['state']}"
    ended = time.monotonic() - started
    done.set(); prober.join()
    print(f"{o.rows} rows, {len(csv) / 1e6:.1f} MB: POST answered {status} in {answered:.2f} s; import ended after {ended:.1f} s")
    print(f"  outcome: {json.dumps(outcome)[:200]}")
    print(f"  /health while importing: p50 {percentile(health, 50):.1f} ms, p99 {percentile(health, 99):.1f} ms, max {max(health):.0f} ms ({len(health)} probes)")

if __name__ == "__main__":
    main()
