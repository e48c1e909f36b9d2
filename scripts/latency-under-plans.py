#!/usr/bin/env python3
"""How the server answers others while one HR account plans shuttles (docs/benchmarks.md, "Heavy work as jobs").

Signs in as HR, sends PLANS shuttle plans of DAYS days at once, and meanwhile probes GET /health and
POST /api/auth/login one after the other (each probe thread waits for its answer, then 100 ms) for DURATION seconds
or until the plans are done. Prints p50/p99/max per probe. Works on both APIs: the synchronous one (201 after the
plan) and the job one (202, then the job is polled). Standard library only.
"""
import argparse, statistics, threading, time
from benchhttp import percentile, request

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--base", default="http://127.0.0.1:5080")
    a.add_argument("--email", required=True); a.add_argument("--password", default="mobilite-demo")
    a.add_argument("--company", type=int, required=True); a.add_argument("--date", required=True)
    a.add_argument("--plans", type=int, default=8); a.add_argument("--days", type=int, default=7)
    a.add_argument("--time-limit", type=float, default=2); a.add_argument("--min-distance-km", type=float, default=10)
    a.add_argument("--duration", type=float, default=120)
    o = a.parse_args()
    login = {"email": o.email, "password": o.password}
    token = request(o.base, "POST", "/api/auth/login", login)[1]["accessToken"]
    plans_done = threading.Event()
    outcomes = []

    def plan(i):
        started = time.monotonic()
        status, body, location = request(o.base, "POST", f"/api/companies/{o.company}/shuttle-plans", {
            "name": f"Bench {i}", "date": o.date, "days": o.days, "minDistanceKm": o.min_distance_km, "timeLimitSeconds": o.time_limit}, token)
        state = status
        if status == 202:
            while True:
                state = request(o.base, "GET", location, token=token)[1]["state"]
                if state not in ("queued", "running"): break
                time.sleep(1)
        outcomes.append((i, status, state, time.monotonic() - started))

    latencies = {"health": [], "sign-in": []}
    def probe(name, call):
        while not plans_done.is_set():
            started = time.monotonic()
            call()
            latencies[name].append((time.monotonic() - started) * 1000)
            time.sleep(0.1)

    targets = [("health", lambda: request(o.base, "GET", "/health")),
               ("sign-in", lambda: request(o.base, "POST", "/api/auth/login", login))]
    # Idle first, as the reference.
    probes = [threading.Thread(target=probe, args=t) for t in targets]
    for p in probes: p.start()
    time.sleep(10); plans_done.set()
    for p in probes: p.join()
    idle = {k: list(v) for k, v in latencies.items()}
    for v in latencies.values(): v.clear()
    plans_done.clear()
    probes = [threading.Thread(target=probe, args=t) for t in targets]
    # Daemons: the jobs left when the window closes go on on the server, not in this script.
    workers = [threading.Thread(target=plan, args=(i,), daemon=True) for i in range(o.plans)]
    started = time.monotonic()
    for w in workers: w.start()
    for p in probes: p.start()
    deadline = started + o.duration
    for w in workers: w.join(max(0, deadline - time.monotonic()))
    plans_done.set()
    for p in probes: p.join()
    for label, data in (("idle", idle), ("while planning", latencies)):
        for name, values in data.items():
            print(f"{label:15} {name:8} n={len(values):4} p50={statistics.median(values):8.1f} ms p99={percentile(values, 99):8.1f} ms max={max(values):8.1f} ms")
    print(f"window {time.monotonic() - started:.0f} s; plans finished in the window: {len(outcomes)} of {o.plans}: "
          + ", ".join(f"#{i} {status}/{state} {seconds:.0f} s" for i, status, state, seconds in sorted(outcomes)))

if __name__ == "__main__":
    main()
