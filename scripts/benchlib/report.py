"""The benchmark's report: the medians of the rounds, each target met or not (limits from
issue 9), and the table printed at the end."""

import statistics

from benchlib.site import machine
from benchlib.wrk import CONNECTIONS

# Limits from issue 9. In-process medians, page cache cold, database warm (milliseconds).
IN_PROCESS_LIMIT_MS = {
    "home": 10,
    "category_first": 10,
    "category_last": 10,
    "article": 5,
    "search_common": 50,
    "search_none": 50,
    "rss": 10,
}
# Share of the ceiling's req/s (pages/s for the article with its beacon).
RATIO_LIMIT = {"home": 0.5, "article": 0.5, "article_beacon": 0.33}


def summarise(runs):
    def median(name, key):
        values = [run[key] for run in runs[name] if key in run]
        return round(statistics.median(values), 3) if values else None

    return {
        name: {
            "rps": median(name, "rps"),
            "pages_per_s": median(name, "pages_per_s"),
            "p50_ms": median(name, "p50_ms"),
            "p99_ms": median(name, "p99_ms"),
            "ratio_to_ceiling": median(name, "ratio"),
            "failures": sum(run["failures"] for run in runs[name]),
            "rounds": runs[name],
        }
        for name in runs
    }


def judge(name, measured, rendered):
    checks = []
    if name in IN_PROCESS_LIMIT_MS and name in rendered:
        value = rendered[name]["median_ms"]
        limit = IN_PROCESS_LIMIT_MS[name]
        checks.append(
            {
                "what": "in-process median (ms)",
                "limit": limit,
                "value": value,
                "met": value <= limit,
            }
        )
    if name in RATIO_LIMIT:
        value = measured[name]["ratio_to_ceiling"]
        limit = RATIO_LIMIT[name]
        checks.append(
            {"what": "ratio to the ceiling", "limit": limit, "value": value, "met": value >= limit}
        )
    if measured[name]["failures"]:
        checks.append({"what": "bad answers", "limit": 0, "value": measured[name]["failures"],
                       "met": False})  # fmt: skip
    return checks


def build_report(args, *, workers, dataset, before, loads, measured, rendered, urls, beacon):
    """The whole run as --json writes it; ``dataset`` is how it was built and its facts."""
    report = {
        "machine": machine(),
        "config": {
            "database": "PostgreSQL" if args.database_url else "SQLite",
            "cache": "Redis" if args.redis_url else "local memory",
            "read_buffer": "Redis" if args.redis_url else "none (SQL increments)",
            "servers": args.url or f"one gunicorn, {workers} sync workers",
            "gunicorn_workers": workers if not args.url else None,
            "wrk_connections": CONNECTIONS,
            "rounds": args.rounds,
            "seconds_per_run": args.seconds,
            "renders": args.renders,
        },
        "dataset": {"articles": args.articles, **dataset},
        "load": {"before": before, "rounds": loads, "after": loads[-1]},
        "ceiling": {**measured["ceiling"], "in_process": rendered["ceiling"]},
        "targets": {},
    }
    for name, url in urls.items():
        target = {
            "url": url if name != "article_beacon" else f"{url} + POST {beacon}",
            **measured[name],
            "in_process": rendered.get(name),
            "checks": judge(name, measured, rendered),
        }
        target["met"] = all(c["met"] for c in target["checks"])
        report["targets"][name] = target
    return report


def print_table(report):
    ceiling = report["ceiling"]
    print()
    print(
        f"{report['dataset']['articles']} articles, {report['config']['database']}, "
        f"cache {report['config']['cache']}, {report['config']['servers']}; "
        f"{report['machine']['cores']} cores "
        f"({report['machine']['cpu']}); load {report['load']['before']['1min']} before, "
        f"{report['load']['after']['1min']} after"
    )
    print(
        f"ceiling: {ceiling['rps']:.0f} req/s, p50 {ceiling['p50_ms']:.1f} ms, "
        f"p99 {ceiling['p99_ms']:.1f} ms"
    )
    print()
    print(
        "| target | req/s | p50 ms | p99 ms | ratio to ceiling | in-process median ms "
        "(CPU ms) | queries | met |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, target in report["targets"].items():
        rps = f"{target['rps']:.0f}"
        if target.get("pages_per_s"):
            rps += f" ({target['pages_per_s']:.0f} pages/s)"
        rendered = target.get("in_process") or {}
        cpu = f" ({rendered['median_cpu_ms']})" if rendered else ""
        checks = target["checks"]
        verdict = (
            ", ".join(
                f"{'met' if c['met'] else 'NOT met'} ({c['what']} {c['value']} vs {c['limit']})"
                for c in checks
            )
            or "no target"
        )
        print(
            f"| {name} | {rps} | {target['p50_ms']:.1f} | {target['p99_ms']:.1f} | "
            f"{target['ratio_to_ceiling']:.3f} | {rendered.get('median_ms', '')}"
            f"{cpu} | "
            f"{rendered.get('queries', '')} | {verdict} |"
        )
