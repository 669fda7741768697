#!/usr/bin/env python3
"""Timing half of bench/run.sh: runs flasklint, Ruff and (optionally) Bandit alternately on two
trees (the Flask-heavy tree and the mixed tree), the small-app case and the scaling curves,
measures the parser's rejections, checks issue 17's targets and writes bench/RESULTS.md.
Standard library only; run.sh prepares everything it is given."""

import argparse
import collections
import datetime
import json
import os
import platform
import re
import resource
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
FLASKLINT_OK = (0, 1)
RUFF_OK = (0,)


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


# --- what else the machine is doing -------------------------------------------------------------
# The load average lags by a minute and counts the benchmark's own processes, so each timed run
# also measures how much CPU the rest of the machine used while it ran: all busy CPU time from
# /proc/stat minus what this script and its children used.


def machine_busy_seconds():
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    # cpu user nice system idle iowait irq softirq steal (guest time is already in user/nice)
    values = [int(v) for v in fields[1:9]]
    busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7]
    return busy / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class CpuWatch:
    """Cores' worth of CPU used by other processes between start() and the given end."""

    def __init__(self):
        self.busy = machine_busy_seconds()
        self.own = own_cpu_seconds()
        self.start = time.perf_counter()

    def others(self):
        busy = machine_busy_seconds()
        if busy is None or self.busy is None:
            return None
        wall = time.perf_counter() - self.start
        used = (busy - self.busy) - (own_cpu_seconds() - self.own)
        return max(used, 0.0) / wall if wall > 0 else None


def load_average():
    return os.getloadavg()


def fmt_load(values):
    return " / ".join(f"{v:.2f}" for v in values)


def wait_for_idle(max_load, wait_seconds, allow):
    """Waits up to `wait_seconds` for the 1-minute load average to fall to `max_load`. Returns a
    warning to print in RESULTS.md when it did not and `allow` is set; exits otherwise."""
    deadline = time.monotonic() + wait_seconds
    while load_average()[0] > max_load and time.monotonic() < deadline:
        print(f"== load average {fmt_load(load_average())} is above {max_load}; waiting for the machine to calm down")
        time.sleep(min(30.0, max(deadline - time.monotonic(), 0.1)))
    if load_average()[0] <= max_load:
        return None
    message = f"the 1-minute load average was {fmt_load(load_average())} (above {max_load}) when the run started"
    if not allow:
        sys.exit(
            f"bench: {message}, after waiting {wait_seconds} s; timings on a busy machine are noise.\n"
            f"Set ALLOW_LOAD=1 to run anyway (RESULTS.md then says so), or WAIT_IDLE=SECONDS to wait longer."
        )
    print(f"== WARNING: {message}; running anyway (ALLOW_LOAD=1)")
    return message


# --- running things -----------------------------------------------------------------------------


class Run:
    def __init__(self, wall, rss_kb, cpu, stdout, others):
        self.wall, self.rss_kb, self.cpu, self.stdout, self.others = wall, rss_kb, cpu, stdout, others


def timed(cmd, ok_codes, keep_stdout=False, cwd=None):
    """Runs `cmd` under GNU time; wall time is measured here from spawn to exit."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, tempfile.TemporaryFile() as out:
        watch = CpuWatch()
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name, *cmd],
            stdout=out if keep_stdout else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        wall = time.perf_counter() - start
        others = watch.others()
        if proc.returncode not in ok_codes:
            sys.exit(f"bench: {' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-3000:]}")
        text = report.read()
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        rss = int(match.group(1)) if match else 0
        # CPU time (user + system) is the work done; unlike wall time it barely changes when other
        # processes compete for the cores.
        cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
        stdout = None
        if keep_stdout:
            out.seek(0)
            stdout = out.read()
        return Run(wall, rss, cpu, stdout, others)


def quick_wall(cmd, ok_codes):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if proc.returncode not in ok_codes:
        sys.exit(f"bench: {' '.join(map(str, cmd))} exited {proc.returncode}")
    return wall


class Entry:
    """One command of an alternated plan."""

    def __init__(self, key, label, shown, cmd, ok, reps):
        self.key, self.label, self.shown, self.cmd, self.ok, self.reps = key, label, shown, cmd, ok, reps
        self.runs = []

    def walls(self):
        return [r.wall for r in self.runs]

    def rsses(self):
        return [r.rss_kb for r in self.runs]

    def cpus(self):
        return [r.cpu for r in self.runs]

    def median_wall(self):
        return statistics.median(self.walls())

    def median_rss(self):
        return statistics.median(self.rsses())

    def others(self):
        return [r.others for r in self.runs if r.others is not None]


def alternate(title, entries):
    """Runs the entries in rounds, reversing the order every other round, so that a change in
    the machine's load during the run falls on every tool alike."""
    for rep in range(max(e.reps for e in entries)):
        print(f"== {title}: repetition {rep + 1}")
        plan = [e for e in entries if rep < e.reps]
        if rep % 2:
            plan.reverse()
        for entry in plan:
            run = timed(entry.cmd, entry.ok)
            entry.runs.append(run)
            others = "" if run.others is None else f"  others {run.others:4.2f} cores"
            print(f"   {entry.key:14} {fmt_time(run.wall):>10}  {run.rss_kb / 1024:6.0f} MiB{others}")


# --- formatting ---------------------------------------------------------------------------------


def escape(cell):
    return cell.replace("|", "\\|").replace("\n", " ")


def fmt_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_span(values):
    return f"{fmt_time(statistics.median(values))} ({fmt_time(min(values))}–{fmt_time(max(values))})"


def fmt_mib(kb):
    return f"{kb / 1024:.0f} MiB"


def fmt_rss(kbs):
    return f"{fmt_mib(statistics.median(kbs))} (max {fmt_mib(max(kbs))})"


def fmt_rate(lines, seconds):
    return f"{lines / seconds / 1000:,.0f}k"


def fmt_others(values):
    if not values:
        return "?"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


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


def verdict(measured, limit, at_most=True):
    """met / within 10% / not met, for a target `measured <= limit` (or `>=` when not at_most)."""
    if at_most:
        if measured <= limit:
            return "met"
        return "within 10%" if measured <= limit * 1.1 else "**not met**"
    if measured >= limit:
        return "met"
    return "within 10%" if measured >= limit * 0.9 else "**not met**"


# --- trees --------------------------------------------------------------------------------------


def hardlink_subset(corpus, subset, every):
    """Every `every`-th file of the corpus (in path order), hard-linked under `subset`."""
    if subset.exists():
        shutil.rmtree(subset)
    for index, path in enumerate(python_files(corpus)):
        if index % every == 0:
            target = subset / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)


def scaled_copies(corpus, bench_dir, prefix, copies):
    """`copies` hard-linked copies of the corpus side by side, made once."""
    directory = bench_dir / f"{prefix}{copies}"
    marker = directory / ".complete"
    if not marker.exists():
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        for copy in range(copies):
            subprocess.run(["cp", "-al", str(corpus), str(directory / f"c{copy}")], check=True)
        marker.touch()
    return directory


class Point:
    def __init__(self, copies, lines, directory, flasklint):
        self.copies, self.lines, self.directory = copies, lines, directory
        self.cmd = [flasklint, "check", "--format", "json", str(directory)]
        self.runs = []
        self.parsed = self.checked = 0


def scaling_curve(title, corpus, bench_dir, prefix, lines, copies_list, reps, flasklint):
    """flasklint on 1, 2, 4, ... copies of a tree; the points alternate like the tools do."""
    points = [Point(c, lines * c, scaled_copies(corpus, bench_dir, prefix, c), flasklint) for c in copies_list]
    for point in points:
        # One untimed run each: warms the page cache and says how many files were parsed.
        summary = json.loads(timed(point.cmd, FLASKLINT_OK, keep_stdout=True).stdout)["summary"]
        point.checked, point.parsed = summary["files_checked"], summary["files_parsed"]
    for rep in range(reps):
        order = points if rep % 2 == 0 else list(reversed(points))
        for point in order:
            point.runs.append(timed(point.cmd, FLASKLINT_OK))
        print(f"== {title} scaling, repetition {rep + 1}: " + ", ".join(
            f"x{p.copies} {fmt_time(p.runs[-1].wall)}" for p in points))
    return points


def scaling_table(out, points):
    out.append("| copies | lines | files parsed | wall: median (min–max) | per million lines | CPU time: median | peak RSS: median (max) | RSS per million lines | other processes (cores) |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for p in points:
        walls, rsses = [r.wall for r in p.runs], [r.rss_kb for r in p.runs]
        out.append(
            f"| {p.copies} | {p.lines:,} | {p.parsed:,} of {p.checked:,} | {fmt_span(walls)} | "
            f"{fmt_time(statistics.median(walls) / p.lines * 1e6)} | {fmt_time(statistics.median(r.cpu for r in p.runs))} | "
            f"{fmt_rss(rsses)} | "
            f"{fmt_mib(statistics.median(rsses) / p.lines * 1e6)} | "
            f"{fmt_others([r.others for r in p.runs if r.others is not None])} |"
        )


def scaling_excess(points, value):
    """The worst ratio of value(N copies) to N × value(1 copy): at most 1 is linear or better."""
    base = next((p for p in points if p.copies == 1), None)
    if base is None or len(points) < 2:
        return None, None
    base_value = statistics.median([value(r) for r in base.runs])
    worst = None
    for p in points:
        if p.copies == 1:
            continue
        ratio = statistics.median([value(r) for r in p.runs]) / (p.copies * base_value)
        if worst is None or ratio > worst[0]:
            worst = (ratio, p.copies)
    return worst or (None, None)


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


def rejection_section(out, title, report_all, files_checked, listing):
    syntax_files, other_errors, first_errors, examples = rejections(report_all)
    with listing.open("w") as text:
        for path, errors in sorted(syntax_files.items()):
            for line, message in errors:
                text.write(f"{path}:{line}: {message}\n")
        for path, message in other_errors:
            text.write(f"{path}: {message}\n")
    rejected = len(syntax_files)
    out.append(f"### {title}\n")
    out.append(
        f"{rejected:,} of {files_checked:,} files ({rejected / max(files_checked, 1):.2%}) have at least one "
        f"syntax error reported by flasklint with `--all-files`; {len(other_errors)} other files could not be "
        f"analysed. Every error is listed in `target/bench-corpus/{listing.name}`.\n"
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


class Tree:
    """One tree's alternated comparison: flasklint (default, --all-files, --threads 1 and, where
    the default is not two threads, --threads 2), Ruff, and optionally Bandit on a subset."""

    def __init__(self, name, root, args, bandit_subset=None):
        self.name, self.root = name, root
        self.max_load = args.max_load
        self.files, self.lines = corpus_stats(root)
        self.packages = [(child.name, *corpus_stats(child)) for child in sorted(root.iterdir()) if child.is_dir()]
        fl = [args.flasklint, "check", "--format", "json"]
        self.default = Entry("flasklint", "flasklint", "`flasklint check --format json TREE`",
                             [*fl, str(root)], FLASKLINT_OK, args.reps)
        self.all_files = Entry("flasklint-all", "flasklint, every file parsed",
                               "`flasklint check --format json --all-files TREE`",
                               [*fl, "--all-files", str(root)], FLASKLINT_OK, args.reps)
        self.one_thread = Entry("flasklint-t1", "flasklint, one thread", "`flasklint check --format json --threads 1 TREE`",
                                [*fl, "--threads", "1", str(root)], FLASKLINT_OK, args.reps)
        # The default is one thread per core; on a two-core machine that is the two-thread run.
        self.two_threads = None
        if os.cpu_count() != 2:
            self.two_threads = Entry("flasklint-t2", "flasklint, two threads",
                                     "`flasklint check --format json --threads 2 TREE`",
                                     [*fl, "--threads", "2", str(root)], FLASKLINT_OK, args.reps)
        self.ruff = Entry("ruff", "Ruff", "`ruff check --select S --no-cache --exit-zero TREE`",
                          [args.ruff, "check", "--select", "S", "--no-cache", "--exit-zero", str(root)], RUFF_OK, args.reps)
        self.bandit = None
        self.bandit_subset = bandit_subset
        if bandit_subset is not None:
            hardlink_subset(root, bandit_subset, args.bandit_every)
            self.subset_files, self.subset_lines = corpus_stats(bandit_subset)
            self.bandit = Entry("bandit", "Bandit", "`bandit -q -r SUBSET -f json`",
                                [args.bandit, "-q", "-r", str(bandit_subset), "-f", "json"], (0, 1), args.bandit_reps)

    def entries(self):
        return [e for e in (self.default, self.ruff, self.all_files, self.one_thread, self.two_threads, self.bandit) if e]

    def two_thread_entry(self):
        return self.two_threads or self.default

    def measure(self):
        print(f"== {self.name}: {self.files:,} files, {self.lines:,} lines of .py")
        # One untimed run of each (it also warms the page cache): what each tool looks at, and
        # whether the findings depend on the thread count or the pre-check.
        self.report = json.loads(timed(self.default.cmd, FLASKLINT_OK, keep_stdout=True).stdout)
        self.report_all = json.loads(timed(self.all_files.cmd, FLASKLINT_OK, keep_stdout=True).stdout)
        self.report_t1 = json.loads(timed(self.one_thread.cmd, FLASKLINT_OK, keep_stdout=True).stdout)
        self.threads_identical = self.report_t1 == self.report
        if self.two_threads:
            report_t2 = json.loads(timed(self.two_threads.cmd, FLASKLINT_OK, keep_stdout=True).stdout)
            self.threads_identical = self.threads_identical and report_t2 == self.report
        self.prefilter_identical = self.report_all["findings"] == self.report["findings"]
        self.files_checked = self.report["summary"]["files_checked"]
        self.files_parsed = self.report["summary"]["files_parsed"]
        self.files_parsed_all = self.report_all["summary"]["files_parsed"]
        self.ruff_files = len(subprocess.run(
            [*self.ruff.cmd[:-1], "--show-files", str(self.root)], capture_output=True, text=True,
        ).stdout.splitlines())
        timed(self.ruff.cmd, RUFF_OK)
        if self.bandit:
            metrics = json.loads(timed(self.bandit.cmd, (0, 1), keep_stdout=True).stdout).get("metrics", {})
            self.bandit_files = len([k for k in metrics if k != "_totals"])
        alternate(self.name, self.entries())

    def quiet(self, entry):
        """The median of the runs during which other processes used at most `max_load` cores."""
        walls = [r.wall for r in entry.runs if r.others is not None and r.others <= self.max_load]
        return f"{fmt_time(statistics.median(walls))} ({len(walls)} of {len(entry.runs)})" if walls else "none"

    def raw(self):
        return {e.key: [vars_of(r) for r in e.runs] for e in self.entries()}

    def speedup(self):
        return self.one_thread.median_wall() / self.two_thread_entry().median_wall()

    def table(self, out):
        ruff_med = self.ruff.median_wall()
        out.append("| tool | command | files seen (parsed) | wall: median (min–max) | wall, quiet runs only | CPU time (user+sys): median | peak RSS: median (max) | lines/s | wall vs Ruff | RSS vs Ruff | other processes (cores) |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        seen = {
            "flasklint": f"{self.files_checked:,} ({self.files_parsed:,})",
            "flasklint-all": f"{self.files_checked:,} ({self.files_parsed_all:,})",
            "flasklint-t1": f"{self.files_checked:,} ({self.files_parsed:,})",
            "flasklint-t2": f"{self.files_checked:,} ({self.files_parsed:,})",
            "ruff": f"{self.ruff_files:,}",
        }
        for entry in (self.default, self.all_files, self.one_thread, self.two_threads, self.ruff):
            if entry is None:
                continue
            med = entry.median_wall()
            out.append(
                f"| {entry.label} | {entry.shown} | {seen[entry.key]} | {fmt_span(entry.walls())} | "
                f"{self.quiet(entry)} | {fmt_time(statistics.median(entry.cpus()))} | {fmt_rss(entry.rsses())} | {fmt_rate(self.lines, med)} | {med / ruff_med:.2f}× | "
                f"{entry.median_rss() / self.ruff.median_rss():.2f}× | {fmt_others(entry.others())} |"
            )
        if self.bandit:
            scale = self.lines / self.subset_lines
            scaled = [t * scale for t in self.bandit.walls()]
            med = self.bandit.median_wall()
            out.append(
                f"| Bandit | {self.bandit.shown}, scaled ×{scale:.1f} | {self.bandit_files:,} of the subset | "
                f"{fmt_span(scaled)} (subset: {fmt_span(self.bandit.walls())}) | | "
                f"{fmt_time(statistics.median(self.bandit.cpus()) * scale)} (scaled) | {fmt_rss(self.bandit.rsses())} (subset) | "
                f"{fmt_rate(self.subset_lines, med)} | {med * scale / ruff_med:.1f}× | | {fmt_others(self.bandit.others())} |"
            )
        out.append("")
        two = self.two_thread_entry()
        two_name = "the default run (one thread per core: two here)" if two is self.default else "`--threads 2`"
        out.append(
            f"One thread vs two: `--threads 1` took {fmt_time(self.one_thread.median_wall())}, {two_name} "
            f"{fmt_time(two.median_wall())}: **{self.speedup():.2f}×** faster with two (CPU time "
            f"{fmt_time(statistics.median(self.one_thread.cpus()))} and {fmt_time(statistics.median(two.cpus()))}). "
            f"Reports with one thread and "
            f"with all cores: {'identical' if self.threads_identical else '**DIFFERENT**'}. Findings with the pre-check "
            f"and with `--all-files`: {'identical' if self.prefilter_identical else '**DIFFERENT**'}."
        )
        out.append("")


def vars_of(run):
    return {"wall_s": run.wall, "cpu_s": run.cpu, "rss_kb": run.rss_kb, "other_cores": run.others}


def others_summary(runs):
    values = [r.others for r in runs if r.others is not None]
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--flasklint", required=True)
    parser.add_argument("--ruff", required=True)
    parser.add_argument("--bandit", required=True, help="path of the bandit executable")
    parser.add_argument("--bench-dir", required=True, type=Path)
    parser.add_argument("--corpus", required=True, type=Path, help="the mixed tree")
    parser.add_argument("--flaskheavy", required=True, type=Path, help="the Flask-heavy tree")
    parser.add_argument("--app", required=True)
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--scale-reps", type=int, default=10)
    parser.add_argument("--run-bandit", type=int, default=1)
    parser.add_argument("--bandit-reps", type=int, default=3)
    parser.add_argument("--bandit-every", type=int, default=10)
    parser.add_argument("--app-reps", type=int, default=50)
    parser.add_argument("--scale", default="1 2 4 8", help="copies of the Flask-heavy tree")
    parser.add_argument("--mixed-scale", default="1 2 4 8", help="copies of the mixed tree")
    parser.add_argument("--max-load", type=float, default=0.5)
    parser.add_argument("--wait-idle", type=float, default=600)
    parser.add_argument("--allow-load", type=int, default=0)
    parser.add_argument("--sdists", default="")
    parser.add_argument("--wheels", default="")
    parser.add_argument("--results", required=True, type=Path)
    args = parser.parse_args()
    if args.reps < 1 or args.scale_reps < 1:
        sys.exit("bench: REPS and SCALE_REPS must be at least 1")

    busy_warning = wait_for_idle(args.max_load, args.wait_idle, args.allow_load)
    load_before = load_average()
    started = datetime.datetime.now(datetime.timezone.utc)
    whole_run = CpuWatch()
    print(f"== load average before: {fmt_load(load_before)}")

    heavy = Tree("Flask-heavy tree", args.flaskheavy, args)
    heavy.measure()
    mixed = Tree("mixed tree", args.corpus, args,
                 bandit_subset=args.bench_dir / "bandit-subset" if args.run_bandit else None)
    mixed.measure()

    # The pre-commit case: one small app, process start to exit.
    app_flasklint = [args.flasklint, "check", "--format", "json", args.app]
    app_ruff = [args.ruff, "check", "--select", "S", "--no-cache", "--exit-zero", args.app]
    app_files, app_lines = corpus_stats(Path(args.app))
    app_times = collections.defaultdict(list)
    for _ in range(args.app_reps):
        app_times["flasklint"].append(quick_wall(app_flasklint, FLASKLINT_OK))
        app_times["ruff"].append(quick_wall(app_ruff, RUFF_OK))
    app_rss = timed(app_flasklint, FLASKLINT_OK).rss_kb

    heavy_points = scaling_curve("Flask-heavy", heavy.root, args.bench_dir, "flaskheavy-scale-", heavy.lines,
                                 [int(n) for n in args.scale.split()], args.scale_reps, args.flasklint)
    mixed_points = scaling_curve("mixed", mixed.root, args.bench_dir, "scale-", mixed.lines,
                                 [int(n) for n in args.mixed_scale.split()], args.scale_reps, args.flasklint)

    # Every timed run, for a second look at the numbers (e.g. only the quiet ones).
    raw = {
        "started": started.isoformat(),
        "flaskheavy": heavy.raw(),
        "mixed": mixed.raw(),
        "flaskheavy_scaling": {p.copies: [vars_of(r) for r in p.runs] for p in heavy_points},
        "mixed_scaling": {p.copies: [vars_of(r) for r in p.runs] for p in mixed_points},
    }
    (args.bench_dir / "runs.json").write_text(json.dumps(raw, indent=1))

    others_whole = whole_run.others()
    load_after = load_average()
    print(f"== load average after: {fmt_load(load_after)}")
    timed_runs = [r for t in (heavy, mixed) for e in t.entries() for r in e.runs]
    timed_runs += [r for p in heavy_points + mixed_points for r in p.runs]
    others_timed = others_summary(timed_runs)
    busy_during = bool(others_timed) and statistics.median(others_timed) > args.max_load

    out = []
    out.append("# flasklint benchmark results\n")
    out.append("Written by `bench/run.sh` (see the script for how to reproduce); everything above the notes is the latest run.\n")
    if busy_warning or busy_during:
        reasons = []
        if busy_warning:
            reasons.append(busy_warning + ", and the run was forced with `ALLOW_LOAD=1`")
        if busy_during:
            reasons.append(
                f"other processes used a median {statistics.median(others_timed):.2f} cores during the timed runs "
                f"(above {args.max_load})"
            )
        out.append(f"> **Busy machine:** {'; '.join(reasons)}. The timings are noisier and slower than on an idle "
                   f"machine, the multi-threaded runs most of all; compare ratios from one run, not absolute times "
                   f"across runs.\n")
    out.append("| | |\n|---|---|")
    out.append(f"| date (UTC) | {started:%Y-%m-%d %H:%M}, {time.perf_counter() - whole_run.start:.0f} s |")
    out.append(f"| machine | {os.cpu_count()} cores, {cpu_model()}, {platform.system()} {platform.release()} |")
    out.append(f"| load average (1/5/15 min) | before {fmt_load(load_before)}; after {fmt_load(load_after)} (the latter counts the benchmark itself) |")
    others_text = "?" if others_whole is None else f"{others_whole:.2f} cores on average over the whole run"
    if others_timed:
        others_text += f"; per timed run, median {fmt_others(others_timed)}"
    out.append(f"| other processes' CPU use | {others_text} (from `/proc/stat`, less the benchmark's own CPU time) |")
    out.append(f"| flasklint | {version([args.flasklint, '--version'])} ({version(['rustc', '--version'])}) |")
    out.append(f"| ruff | {version([args.ruff, '--version'])} |")
    if mixed.bandit:
        out.append(f"| bandit | {version([args.bandit, '--version'])} |")
    out.append(
        f"| Flask-heavy tree | {heavy.lines:,} lines in {heavy.files:,} `.py` files of the wheels {args.wheels}: "
        + "; ".join(f"`{name}` {lines:,} lines" for name, _, lines in heavy.packages) + " |"
    )
    out.append(f"| mixed tree | {mixed.lines:,} lines in {mixed.files:,} `.py` files: {args.sdists} (sdists) + testdata/ |")
    bandit_reps = f", {args.bandit_reps} (Bandit)" if mixed.bandit else ", Bandit skipped (`BANDIT=0`)"
    out.append(
        f"| repetitions | {args.reps} per tool and tree, alternated{bandit_reps}; {args.scale_reps} per scaling "
        f"point, alternated; {args.app_reps} (small app) |"
    )
    out.append("")

    # Issue 17's targets.
    heavy_wall = heavy.default.median_wall() / heavy.ruff.median_wall()
    heavy_rss = heavy.default.median_rss() / heavy.ruff.median_rss()
    mixed_wall = mixed.default.median_wall() / mixed.ruff.median_wall()
    mixed_rss = mixed.default.median_rss() / mixed.ruff.median_rss()
    targets = [
        ("Flask-heavy tree: median wall ≤ Ruff's", "≤ 1.00×",
         verdict(heavy_wall, 1.0), f"{heavy_wall:.2f}× ({fmt_time(heavy.default.median_wall())} vs {fmt_time(heavy.ruff.median_wall())})"),
        ("Flask-heavy tree: peak RSS ≤ 1.5× Ruff's", "≤ 1.50×",
         verdict(heavy_rss, 1.5), f"{heavy_rss:.2f}× ({fmt_mib(heavy.default.median_rss())} vs {fmt_mib(heavy.ruff.median_rss())})"),
        ("mixed tree: wall ≤ 0.3× Ruff's", "≤ 0.30×",
         verdict(mixed_wall, 0.3), f"{mixed_wall:.2f}× ({fmt_time(mixed.default.median_wall())} vs {fmt_time(mixed.ruff.median_wall())})"),
        ("mixed tree: RSS ≤ Ruff's", "≤ 1.00×",
         verdict(mixed_rss, 1.0), f"{mixed_rss:.2f}× ({fmt_mib(mixed.default.median_rss())} vs {fmt_mib(mixed.ruff.median_rss())})"),
        ("two threads vs one, Flask-heavy tree", "≥ 1.60×",
         verdict(heavy.speedup(), 1.6, at_most=False), f"{heavy.speedup():.2f}× faster with two"),
        ("two threads vs one, mixed tree", "≥ 1.60×",
         verdict(mixed.speedup(), 1.6, at_most=False), f"{mixed.speedup():.2f}× faster with two"),
    ]
    for label, value in (("wall", lambda r: r.wall), ("peak RSS", lambda r: r.rss_kb)):
        worst = scaling_excess(heavy_points, value)
        if worst[0] is not None:
            ratio, copies = worst
            targets.append((
                f"scaling, Flask-heavy tree ×{'/'.join(str(p.copies) for p in heavy_points)}: {label} linear or better",
                "≤ 1.00× of N × one copy", verdict(ratio, 1.0),
                f"worst {ratio:.3f}× of linear (at {copies} copies)",
            ))
    out.append("## Targets (issue 17)\n")
    out.append(
        "Benchmarks, never timed tests. \"within 10%\" means missed by at most a tenth of the limit. Every timed "
        "run is in `target/bench-corpus/runs.json`; \"quiet runs\" below are those during which other processes "
        f"used at most {args.max_load} cores.\n"
    )
    out.append("| target | limit | measured | verdict |\n|---|---|---|---|")
    for name, limit, result, measured in targets:
        out.append(f"| {name} | {limit} | {measured} | {result} |")
    out.append("")

    out.append(f"## Flask-heavy tree: {heavy.lines:,} lines, {heavy.files:,} files\n")
    heavy.table(out)
    if heavy_points:
        out.append("### Scaling: N hard-linked copies of the Flask-heavy tree (flasklint, default)\n")
        scaling_table(out, heavy_points)
        out.append("")

    out.append(f"## Mixed tree: {mixed.lines:,} lines, {mixed.files:,} files\n")
    mixed.table(out)
    if mixed.bandit:
        out.append(
            f"Bandit is too slow for several repetitions on the whole tree, so it runs on every "
            f"{args.bandit_every}th file ({mixed.subset_files:,} files, {mixed.subset_lines:,} lines, hard-linked into "
            f"`target/bench-corpus/bandit-subset`) and its time is multiplied by {mixed.lines / mixed.subset_lines:.2f} "
            f"(tree lines / subset lines); its RSS is the subset's. Bandit is single-threaded; flasklint and Ruff use "
            f"every core.\n"
        )
    if mixed_points:
        out.append("### Scaling: N hard-linked copies of the mixed tree (flasklint, default)\n")
        scaling_table(out, mixed_points)
        out.append("")

    out.append(f"## Small app (pre-commit case): `{args.app}`, {app_files} files, {app_lines:,} lines\n")
    out.append("Process start to exit, measured from Python's `subprocess.run` (includes fork/exec).\n")
    out.append("| tool | wall: median (min–max) | peak RSS |\n|---|---|---|")
    out.append(f"| flasklint `check --format json` | {fmt_span(app_times['flasklint'])} | {fmt_mib(app_rss)} |")
    out.append(f"| Ruff `check --select S --no-cache` | {fmt_span(app_times['ruff'])} | |")
    out.append("")

    small_med = statistics.median(app_times["flasklint"])
    earlier = [
        ("mixed tree: wall time at most half of Ruff's", mixed_wall <= 0.5, f"{mixed_wall:.2f}× Ruff"),
        ("mixed tree: peak memory at most Ruff's", mixed_rss <= 1.0,
         f"{fmt_mib(mixed.default.median_rss())} vs {fmt_mib(mixed.ruff.median_rss())}"),
        ("small app under 50 ms", small_med < 0.05, fmt_time(small_med)),
        ("findings identical with 1 thread and all cores (both trees)",
         heavy.threads_identical and mixed.threads_identical, "compared whole JSON reports"),
        ("findings identical with the pre-check on and off (both trees)",
         heavy.prefilter_identical and mixed.prefilter_identical,
         f"compared the findings of the default run and `--all-files` (Flask-heavy: {heavy.files_parsed:,} vs "
         f"{heavy.files_parsed_all:,} files parsed; mixed: {mixed.files_parsed:,} vs {mixed.files_parsed_all:,})"),
    ]
    out.append("## Earlier targets (issue 7)\n")
    out.append("| target | met | measured |\n|---|---|---|")
    for name, met, measured in earlier:
        out.append(f"| {name} | {'yes' if met else '**no**'} | {measured} |")
    out.append("")

    out.append("## Parser rejections\n")
    out.append(
        "From flasklint with `--all-files` (Ruff's error-recovering parser: each error is reported, and what parsed "
        "is still checked; the default run parses only the files that can matter, so it reports only their syntax "
        "errors).\n"
    )
    rejection_section(out, "Flask-heavy tree", heavy.report_all, heavy.files_checked,
                      args.bench_dir / "flaskheavy-rejections.txt")
    rejection_section(out, "Mixed tree", mixed.report_all, mixed.files_checked, args.bench_dir / "rejections.txt")

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
