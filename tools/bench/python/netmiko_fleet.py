#!/usr/bin/env python3
"""The fleet benchmark's Netmiko process: login + the commands on every simulated
device, in a ThreadPoolExecutor as Nornir's netmiko plugin does (one thread per host
at a time). Prints one JSON line with the same fields as fleet-client.ts.

    /usr/bin/python3 netmiko_fleet.py '{"ports":[...],"threads":100,"commands":[...],"fastCli":false}'
"""
import json
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from netmiko import ConnectHandler

MARKER = "Cisco IOS Software"


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


class Tracker:
    """Open sessions right now and at most, and the peak RSS seen while they were open."""

    def __init__(self):
        self.lock = threading.Lock()
        self.open = 0
        self.peak_open = 0
        self.peak_rss = rss_mb()

    def opened(self):
        with self.lock:
            self.open += 1
            self.peak_open = max(self.peak_open, self.open)
            self.peak_rss = max(self.peak_rss, rss_mb())

    def closed(self):
        with self.lock:
            self.peak_rss = max(self.peak_rss, rss_mb())
            self.open -= 1


def visit(port, commands, fast_cli, tracker):
    t0 = time.monotonic()
    conn = ConnectHandler(
        device_type="cisco_ios",
        host="127.0.0.1",
        port=port,
        username="admin",
        password="admin",
        secret="enable",
        fast_cli=fast_cli,
    )
    tracker.opened()
    try:
        login_ms = (time.monotonic() - t0) * 1000
        outputs = [conn.send_command(c) for c in commands]
        if MARKER not in outputs[0]:
            raise RuntimeError("show version output lacks %r" % MARKER)
        return login_ms
    finally:
        conn.disconnect()
        tracker.closed()


def main():
    config = json.loads(sys.argv[1])
    ports, commands = config["ports"], config["commands"]
    baseline = rss_mb()
    tracker = Tracker()
    errors, logins, first_error = {}, [], None
    cpu0 = time.process_time()
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=config["threads"]) as pool:
        futures = [pool.submit(visit, p, commands, config.get("fastCli", False), tracker) for p in ports]
        for i, f in enumerate(futures):
            try:
                logins.append(f.result())
            except Exception as err:  # every failure is counted by its type, as netx counts codes
                name = type(err).__name__
                errors[name] = errors.get(name, 0) + 1
                first_error = first_error or "r%d: %s %s" % (i + 1, name, str(err).splitlines()[0] if str(err) else "")
    wall = time.monotonic() - t0
    peak = max(tracker.peak_rss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    logins.sort()
    report = {
        "hosts": len(ports),
        "ok": len(logins),
        "errors": errors,
        "wallSeconds": wall,
        "medianLoginMs": logins[len(logins) // 2] if logins else 0,
        "baselineRssMb": baseline,
        "peakRssMb": peak,
        "peakSessions": tracker.peak_open,
        "rssPerSessionKb": (peak - baseline) * 1024 / tracker.peak_open if tracker.peak_open else 0,
        "cpuSeconds": time.process_time() - cpu0,
    }
    if first_error:
        report["firstError"] = first_error
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
