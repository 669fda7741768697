#!/usr/bin/env python3
"""Timing half of bench/run.sh: runs flasklint, Ruff and Bandit alternately on the corpus, the
small-app case and the scaling curve, measures the parser's rejections, and writes one table to
bench/RESULTS.md. Standard library only; run.sh prepares everything it is given."""

import argparse
import collections
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# flasklint's default excludes (src/walk.rs); Ruff's defaults skip the same directories.
SKIPPED_DIRS = {".venv", "venv", "__pycache__", "node_modules", "site-packages", "build", "dist", ".tox"}
NOTES_MARKER = "<!-- notes: everything below this line is written by hand and kept by bench/run.sh -->"


def python_files(root):
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not (d.startswith(".") or d in SKIPPED_DIRS))
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(directory) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def count_lines(path):
    data = path.read_bytes()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def corpus_stats(root):
    files = lines = 0
    for path in python_files(root):
        files += 1
        lines += count_lines(path)
    return files, lines


class Run:
    def __init__(self, wall, rss_kb, code, stdout):
        self.wall, self.rss_kb, self.code, self.stdout = wall, rss_kb, code, stdout


def timed(cmd, ok_codes, keep_stdout=False, cwd=None):
    """Runs `cmd` under GNU time; wall time is measured here from spawn to exit."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name, *cmd],
            stdout=out if keep_stdout else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        wall = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            sys.exit(f"bench: {' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-3000:]}")
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read())
        rss = int(match.group(1)) if match else 0
        stdout = None
        if keep_stdout:
            out.seek(0)
            stdout = out.read()
        return Run(wall, rss, proc.returncode, stdout)


def quick_wall(cmd, ok_codes):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if proc.returncode not in ok_codes:
        sys.exit(f"bench: {' '.join(map(str, cmd))} exited {proc.returncode}")
    return wall


def escape(cell):
    return cell.replace("|", "\\|").replace("\n", " ")


def summary(values):
    return statistics.median(values), min(values), max(values)


def fmt_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_span(values):
    median, low, high = summary(values)
    return f"{fmt_time(median)} ({fmt_time(low)}–{fmt_time(high)})"


def fmt_rss(kbs):
    return f"{statistics.median(kbs) / 1024:.0f} MiB"


def fmt_rate(lines, seconds):
    return f"{lines / seconds / 1000:,.0f}k"


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def load():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def hardlink_subset(corpus, subset, every):
    """Every `every`-th file of the corpus (in path order), hard-linked under `subset`."""
    if subset.exists():
        shutil.rmtree(subset)
    for index, path in enumerate(python_files(corpus)):
        if index % every == 0:
            target = subset / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)


def scaled_copies(corpus, bench_dir, copies):
    """`copies` hard-linked copies of the corpus side by side, made once."""
    directory = bench_dir / f"scale-{copies}"
    marker = directory / ".complete"
    if not marker.exists():
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        for copy in range(copies):
            subprocess.run(["cp", "-al", str(corpus), str(directory / f"c{copy}")], check=True)
        marker.touch()
    return directory


def rejections(report):
    """Files the parser rejected (at least one syntax error) and other per-file errors."""
    syntax_files = collections.defaultdict(list)
    other = []
    for error in report["errors"]:
        message = error["message"]
        if message.startswith("syntax error: "):
            syntax_files[error["path"]].append((error.get("line"), message[len("syntax error: "):]))
        else:
            other.append((error["path"], message))
    # The first error of a file is the one that explains it; later ones are often knock-on.
    first = collections.Counter()
    example = {}
    for path, errors in sorted(syntax_files.items()):
        line, message = errors[0]
        key = re.sub(r"`[^`]*`", "`…`", message)
        first[key] += 1
        example.setdefault(key, f"{path}:{line}")
    return syntax_files, other, first, example


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--flasklint", required=True)
    parser.add_argument("--ruff", required=True)
    parser.add_argument("--bandit", required=True)
    parser.add_argument("--bench-dir", required=True, type=Path)
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--app", required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--bandit-reps", type=int, default=3)
    parser.add_argument("--bandit-every", type=int, default=10)
    parser.add_argument("--app-reps", type=int, default=50)
    parser.add_argument("--scale", default="1 2 4 8")
    parser.add_argument("--sdists", default="")
    parser.add_argument("--results", required=True, type=Path)
    args = parser.parse_args()

    corpus = args.corpus
    load_before = load()
    started = datetime.datetime.now(datetime.timezone.utc)
    print(f"== load average before: {load_before}")

    files, lines = corpus_stats(corpus)
    per_package = []
    for child in sorted(corpus.iterdir()):
        if child.is_dir():
            per_package.append((child.name, *corpus_stats(child)))
    print(f"== corpus: {files:,} files, {lines:,} lines of .py")

    subset = args.bench_dir / "bandit-subset"
    hardlink_subset(corpus, subset, args.bandit_every)
    subset_files, subset_lines = corpus_stats(subset)
    scale = lines / subset_lines

    flasklint = [args.flasklint, "check", "--format", "json", str(corpus)]
    flasklint_all = [args.flasklint, "check", "--format", "json", "--all-files", str(corpus)]
    ruff = [args.ruff, "check", "--select", "S", "--no-cache", "--exit-zero", str(corpus)]
    bandit = [args.bandit, "-q", "-r", str(subset), "-f", "json"]

    # What each tool actually looks at, from one untimed run each.
    first = timed(flasklint, (0, 1), keep_stdout=True)
    report = json.loads(first.stdout)
    flasklint_files = report["summary"]["files_checked"]
    flasklint_parsed = report["summary"]["files_parsed"]
    # The pre-check must not change what is found; `--all-files` also reports every file's
    # syntax errors, which is what the parser-rejection table needs.
    all_files = timed(flasklint_all, (0, 1), keep_stdout=True)
    report_all = json.loads(all_files.stdout)
    prefilter_identical = report_all["findings"] == report["findings"]
    ruff_files = len(
        subprocess.run(
            [args.ruff, "check", "--select", "S", "--no-cache", "--exit-zero", "--show-files", str(corpus)],
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    )
    bandit_first = timed(bandit, (0, 1), keep_stdout=True)
    bandit_metrics = json.loads(bandit_first.stdout).get("metrics", {})
    bandit_files = len([k for k in bandit_metrics if k != "_totals"])

    # Findings must not depend on the thread count.
    one_thread = timed([args.flasklint, "check", "--format", "json", "--threads", "1", str(corpus)], (0, 1), keep_stdout=True)
    threads_identical = json.loads(one_thread.stdout) == report

    times = collections.defaultdict(list)
    rss = collections.defaultdict(list)
    for rep in range(max(args.reps, args.bandit_reps)):
        print(f"== repetition {rep + 1}")
        plan = [("flasklint", flasklint, (0, 1)), ("ruff", ruff, (0,)), ("flasklint-all", flasklint_all, (0, 1))]
        if rep < args.bandit_reps:
            plan.append(("bandit", bandit, (0, 1)))
        if rep % 2:
            plan.reverse()
        for name, cmd, ok in plan:
            if name != "bandit" and rep >= args.reps:
                continue
            run = timed(cmd, ok)
            times[name].append(run.wall)
            rss[name].append(run.rss_kb)
            print(f"   {name:13} {fmt_time(run.wall):>10}  {run.rss_kb / 1024:6.0f} MiB")

    # The pre-commit case: one small app, process start to exit.
    app_flasklint = [args.flasklint, "check", "--format", "json", args.app]
    app_ruff = [args.ruff, "check", "--select", "S", "--no-cache", "--exit-zero", args.app]
    app_files, app_lines = corpus_stats(Path(args.app))
    app_times = collections.defaultdict(list)
    for _ in range(args.app_reps):
        app_times["flasklint"].append(quick_wall(app_flasklint, (0, 1)))
        app_times["ruff"].append(quick_wall(app_ruff, (0,)))
    app_rss = timed(app_flasklint, (0, 1)).rss_kb

    # Scaling: N copies of the corpus.
    scaling = []
    for copies in [int(n) for n in args.scale.split()]:
        directory = scaled_copies(corpus, args.bench_dir, copies)
        walls, rsses = [], []
        for _ in range(min(3, args.reps)):
            run = timed([args.flasklint, "check", "--format", "json", str(directory)], (0, 1))
            walls.append(run.wall)
            rsses.append(run.rss_kb)
        scaling.append((copies, lines * copies, walls, rsses))
        print(f"== scaling x{copies}: {fmt_span(walls)}, {fmt_rss(rsses)}")

    syntax_files, other_errors, first_errors, examples = rejections(report_all)
    rejected_list = args.bench_dir / "rejections.txt"
    with rejected_list.open("w") as out:
        for path, errors in sorted(syntax_files.items()):
            for line, message in errors:
                out.write(f"{path}:{line}: {message}\n")
        for path, message in other_errors:
            out.write(f"{path}: {message}\n")

    load_after = load()
    print(f"== load average after: {load_after}")

    fl_med = statistics.median(times["flasklint"])
    fl_all_med = statistics.median(times["flasklint-all"])
    ruff_med = statistics.median(times["ruff"])
    bandit_med = statistics.median(times["bandit"])
    bandit_scaled = [t * scale for t in times["bandit"]]

    out = []
    out.append("# flasklint benchmark results\n")
    out.append("Written by `bench/run.sh` (see the script for how to reproduce); the table at the top is the latest run.\n")
    out.append("| | |\n|---|---|")
    out.append(f"| date (UTC) | {started:%Y-%m-%d %H:%M} |")
    out.append(f"| machine | {os.cpu_count()} cores, {cpu_model()}, {platform.system()} {platform.release()} |")
    out.append(f"| load average (1/5/15 min) | before {load_before}; after {load_after} |")
    out.append(f"| flasklint | {version([args.flasklint, '--version'])} ({version(['rustc', '--version'])}) |")
    out.append(f"| ruff | {version([args.ruff, '--version'])} |")
    out.append(f"| bandit | {version([args.bandit, '--version'])} |")
    out.append(f"| corpus | {lines:,} lines in {files:,} `.py` files: {args.sdists} (sdists from PyPI) + testdata/ |")
    out.append(f"| repetitions | {args.reps} (flasklint, Ruff; alternating), {args.bandit_reps} (Bandit), {args.app_reps} (small app) |")
    out.append("")
    out.append("## Corpus\n")
    out.append("| tool | command | files seen | wall: median (min–max) | peak RSS (median) | lines/s | wall vs Ruff |")
    out.append("|---|---|---|---|---|---|---|")
    out.append(
        f"| flasklint | `flasklint check --format json CORPUS` | {flasklint_files:,} ({flasklint_parsed:,} parsed) | "
        f"{fmt_span(times['flasklint'])} | {fmt_rss(rss['flasklint'])} | {fmt_rate(lines, fl_med)} | {fl_med / ruff_med:.2f}× |"
    )
    out.append(
        f"| flasklint, every file parsed | `flasklint check --format json --all-files CORPUS` | {flasklint_files:,} | "
        f"{fmt_span(times['flasklint-all'])} | {fmt_rss(rss['flasklint-all'])} | {fmt_rate(lines, fl_all_med)} | "
        f"{fl_all_med / ruff_med:.2f}× |"
    )
    out.append(
        f"| Ruff | `ruff check --select S --no-cache --exit-zero CORPUS` | {ruff_files:,} | {fmt_span(times['ruff'])} | "
        f"{fmt_rss(rss['ruff'])} | {fmt_rate(lines, ruff_med)} | 1.00× |"
    )
    out.append(
        f"| Bandit | `bandit -q -r SUBSET -f json`, scaled ×{scale:.1f} | {bandit_files:,} of the subset | "
        f"{fmt_span(bandit_scaled)} (subset: {fmt_span(times['bandit'])}) | {fmt_rss(rss['bandit'])} (subset) | "
        f"{fmt_rate(subset_lines, bandit_med)} | {bandit_med * scale / ruff_med:.1f}× |"
    )
    out.append("")
    out.append(
        f"Bandit is too slow for several repetitions on the whole corpus, so it runs on every "
        f"{args.bandit_every}th file ({subset_files:,} files, {subset_lines:,} lines, hard-linked into "
        f"`target/bench-corpus/bandit-subset`) and its time is multiplied by {scale:.2f} (corpus lines / subset lines); "
        f"its RSS is the subset's. Bandit is single-threaded; flasklint and Ruff use every core. "
        f"flasklint with `--threads 1` took {fmt_time(one_thread.wall)} "
        f"({fmt_rate(lines, one_thread.wall)} lines/s); its report was "
        f"{'identical' if threads_identical else '**DIFFERENT**'} to the all-cores one."
    )
    out.append("")
    out.append("## Targets (issue 7)\n")
    small_med = statistics.median(app_times["flasklint"])
    checks = [
        ("wall time at most half of Ruff's", fl_med <= ruff_med / 2, f"{fl_med / ruff_med:.2f}× Ruff"),
        ("peak memory at most Ruff's", statistics.median(rss["flasklint"]) <= statistics.median(rss["ruff"]),
         f"{fmt_rss(rss['flasklint'])} vs {fmt_rss(rss['ruff'])}"),
        ("small app under 50 ms", small_med < 0.05, fmt_time(small_med)),
        ("findings identical with 1 thread and all cores", threads_identical, "compared whole JSON reports"),
        ("findings identical with the pre-check on and off", prefilter_identical,
         f"compared the findings of the default run and `--all-files` ({flasklint_parsed:,} vs {flasklint_files:,} files parsed)"),
    ]
    out.append("| target | met | measured |\n|---|---|---|")
    for name, met, measured in checks:
        out.append(f"| {name} | {'yes' if met else '**no**'} | {measured} |")
    out.append("")
    out.append(f"## Small app (pre-commit case): `{args.app}`, {app_files} files, {app_lines:,} lines\n")
    out.append("Process start to exit, measured from Python's `subprocess.run` (includes fork/exec).\n")
    out.append("| tool | wall: median (min–max) | peak RSS |\n|---|---|---|")
    out.append(f"| flasklint `check --format json` | {fmt_span(app_times['flasklint'])} | {app_rss / 1024:.0f} MiB |")
    out.append(f"| Ruff `check --select S --no-cache` | {fmt_span(app_times['ruff'])} | |")
    out.append("")
    out.append("## Scaling: N hard-linked copies of the corpus (flasklint)\n")
    out.append("| copies | lines | wall: median (min–max) | per million lines | peak RSS |\n|---|---|---|---|---|")
    for copies, total, walls, rsses in scaling:
        out.append(
            f"| {copies} | {total:,} | {fmt_span(walls)} | {fmt_time(statistics.median(walls) / total * 1e6)} | {fmt_rss(rsses)} |"
        )
    out.append("")
    out.append("## Parser rejections\n")
    rejected = len(syntax_files)
    out.append(
        f"{rejected:,} of {flasklint_files:,} files ({rejected / max(flasklint_files, 1):.2%}) have at least one "
        f"syntax error reported by flasklint with `--all-files` (Ruff's error-recovering parser; each is reported, "
        f"and what parsed is still checked; the default run parses only the files that can matter, so it reports "
        f"only their syntax errors); {len(other_errors)} other files could not be analysed. "
        f"Every error is listed in `target/bench-corpus/rejections.txt`.\n"
    )
    if first_errors:
        out.append("| first error in the file | files | example |\n|---|---|---|")
        for message, count in first_errors.most_common(20):
            out.append(f"| {escape(message)} | {count} | `{examples[message]}` |")
        out.append("")
    if other_errors:
        out.append("| other errors | |\n|---|---|")
        for path, message in other_errors[:20]:
            out.append(f"| `{path}` | {escape(message)} |")
        out.append("")

    notes = ""
    if args.results.exists():
        previous = args.results.read_text()
        if NOTES_MARKER in previous:
            notes = previous.split(NOTES_MARKER, 1)[1]
    out.append(NOTES_MARKER)
    text = "\n".join(out) + (notes if notes else "\n")
    args.results.write_text(text)
    print()
    print("\n".join(out))
    print(f"== written to {args.results}")


if __name__ == "__main__":
    main()
