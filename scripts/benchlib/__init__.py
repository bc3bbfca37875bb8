"""The benchmarks' shared pieces (scripts/bench.py, scripts/bench_reads.py).

- ``site``: the throw-away site: its environment, its scratch database, gunicorn, the machine;
- ``wrk``: loading pages with wrk and reading its output;
- ``renders``: the dataset, the pages to load and their in-process renders;
- ``report``: the medians, the targets met or not, the table printed.
"""
