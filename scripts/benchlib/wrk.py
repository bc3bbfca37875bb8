"""Loading pages with wrk (16 connections) and reading its output: the ceiling and each page in
alternating rounds, so that what other programs do to the machine hits every target alike."""

import re
import subprocess
import sys
import urllib.request

from benchlib.site import BROWSER, load

CONNECTIONS = 16

PAGE_LUA = """
wrk.headers["User-Agent"] = "%(ua)s"
wrk.headers["Accept"] = "text/html"
"""

# The article page, then its read beacon, as a reader's browser sends them: each page view is
# a reader of its own (an address of its own, as the proxy in front would tell).
BEACON_LUA = """
local page, beacon = "%(page)s", "%(beacon)s"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
local n, reader = 0, 0
function request()
  n = n + 1
  if n %% 2 == 1 then
    reader = reader + 1
  end
  local headers = {
    -- A reader of its own even behind nginx, which replaces the address with its own view.
    ["User-Agent"] = "%(ua)s reader/" .. tid .. "-" .. reader,
    ["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d", tid, math.floor(reader / 250) %% 250,
                                        reader %% 250),
    ["Sec-Fetch-Site"] = "same-origin",
  }
  if n %% 2 == 1 then
    return wrk.format("GET", page, headers)
  end
  headers["Content-Length"] = "0"
  return wrk.format("POST", beacon, headers, "")
end
"""

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * _UNITS[unit]


def _rps(out):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


def parse(out):
    """req/s, p50 and p99 (ms) and the count of bad answers, from wrk's --latency output."""
    rps = _rps(out)
    p50 = _ms(re.search(r"\s50%\s+([\d.]+\w+)", out)[1])
    p99 = _ms(re.search(r"\s99%\s+([\d.]+\w+)", out)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failures = int(bad[1]) if bad else 0
    if errors:
        failures += sum(int(n) for n in errors.groups())
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "failures": failures}


def wrk(base, path, script, seconds, *, must_answer=True):
    """Run wrk once; returns req/s, p50 and p99 (ms) and the count of bad answers."""
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"{base}{path}",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if not _rps(out) and must_answer:
        sys.exit(f"no answer from {base}{path} in {seconds} s:\n{out}")
    return parse(out)


def load_rounds(base, urls, beacon, tmp, rounds, seconds):
    """The ceiling and every page of ``urls``, ``rounds`` times; each run's results by target,
    and the machine's load before each round and at the end."""
    page_lua = tmp / "page.lua"
    page_lua.write_text(PAGE_LUA % {"ua": BROWSER})
    beacon_lua = tmp / "article_beacon.lua"
    beacon_lua.write_text(BEACON_LUA % {"page": urls["article"], "beacon": beacon, "ua": BROWSER})
    plan = [("ceiling", "/bench/ceiling/", page_lua)] + [
        (name, "/" if name == "article_beacon" else url,
         beacon_lua if name == "article_beacon" else page_lua)
        for name, url in urls.items()
    ]  # fmt: skip
    for _name, path, script in plan:  # warm: page caches of both workers, connections
        # One page first, alone: made cold under 16 connections at once, a slow page on a
        # busy machine may not finish within the warm-up's second.
        request = urllib.request.Request(base + path, headers={"User-Agent": BROWSER})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()
        wrk(base, path, script, 1, must_answer=False)
    runs = {name: [] for name, _path, _script in plan}
    loads = []
    for round_number in range(rounds):
        loads.append(load())
        print(f"round {round_number + 1}/{rounds}, load {loads[-1]['1min']}", flush=True)
        # Alternate the order too, so that no target always runs right after the ceiling.
        order = plan if round_number % 2 == 0 else [plan[0], *reversed(plan[1:])]
        for name, path, script in order:
            result = wrk(base, path, script, seconds)
            if name == "article_beacon":  # two requests make one page view
                result["pages_per_s"] = result["rps"] / 2
            runs[name].append(result)
        ceiling = runs["ceiling"][-1]["rps"]
        for name in urls:
            result = runs[name][-1]
            result["ratio"] = result.get("pages_per_s", result["rps"]) / ceiling
    loads.append(load())
    return runs, loads
