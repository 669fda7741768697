#!/usr/bin/env python3
"""Latency of `flasklint server` (issue 20): drives the server over stdio as an editor would and
reports the initial build time, the time from a one-character change in a view file to the
diagnostics for that change (median, min, max), the server's own analysis time for each change,
and the server's memory.

    bench/lsp_latency.py TREE [--binary target/release/flasklint] [--file REL/PATH.py] [--runs 20]

TREE is any directory of Python code. The tree issue 20 names is built from two pinned wheels
(nothing is run or installed; only the .py files are kept; flaskbb 2.2.0 requires Python 3.12,
hence --python-version):

    pip download --no-deps --only-binary :all: --python-version 3.12 \
        flaskbb==2.2.0 flask-appbuilder==5.3.0 -d /tmp/whl
    mkdir -p /tmp/corpus-lsp && cd /tmp/corpus-lsp
    for w in /tmp/whl/*.whl; do d=$(basename "$w" .whl); mkdir -p "$d"; (cd "$d" && unzip -q "$w" '*.py'); done

The Flask-heavy tree of bench/run.sh (target/bench-corpus/flaskheavy, six wheels, 0.5 million
lines) is the large case.

Without --file, the view file is the Python file under TREE with the most route registrations
(`@x.route(`, `x.add_url_rule(`, Flask-AppBuilder's `@expose(`).
Each run inserts one character at the end of a line inside a function of that file (a space
after a statement, which changes no finding), then removes it on the next run, so the text
alternates between two versions. "Time to diagnostics" runs from writing the didChange to
reading the publishDiagnostics that names the new version; it includes the server's debounce
(150 ms), which an editor user waits through too. "Analysis" is what the server logs for each
analysis (window/logMessage `analysis N took X ms`): the part a faster analysis can shrink.

Standard library only. Timings on a busy machine are noise: the 1-minute load average is
printed with the results.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Empty, Queue

PATIENCE = 600


class Server:
    def __init__(self, binary, root):
        self.proc = subprocess.Popen(
            [binary, "server"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.queue = Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.queue.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = out.read(length)
            self.queue.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        return self.send({"method": method, "params": params})

    def until(self, wanted, log=None):
        deadline = time.time() + PATIENCE
        while True:
            try:
                item = self.queue.get(timeout=max(0.0, deadline - time.time()))
            except Empty:
                sys.exit(f"lsp_latency: no answer from the server in {PATIENCE} s")
            if item is None:
                sys.exit("lsp_latency: the server exited")
            at, message = item
            if "id" in message and "method" in message:
                self.send({"id": message["id"], "result": None})
            if log is not None and message.get("method") == "window/logMessage":
                found = re.match(r"analysis \d+ took (\d+) ms", message["params"]["message"])
                if found:
                    log.append(int(found.group(1)))
            if wanted(message):
                return at, message

    def rss_kib(self):
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


# A route registration: Flask's `@x.route(`, `x.add_url_rule(`, Flask-AppBuilder's `@expose(`.
ROUTE = re.compile(r"@\w+\.route\(|\.add_url_rule\(|@expose\(")


def view_file(tree):
    best, best_count = None, -1
    for directory, dirs, files in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(directory) / name
                count = len(ROUTE.findall(path.read_text(errors="replace")))
                if count > best_count:
                    best, best_count = path, count
    return best


def edit_line(text):
    """A line inside a function body whose end can take a space: an indented statement that
    does not end inside a bracket, string or continuation (the last line of a `return`)."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stripped = line.strip()
        if re.match(r"\s{8,}return ", line) and stripped.endswith(")") and "#" not in line and '"""' not in line:
            return number, len(line.encode("utf-16-le")) // 2
    sys.exit("lsp_latency: no `return ...(...)` line to edit in the view file; pass --file")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--binary", default=str(Path(__file__).resolve().parent.parent / "target/release/flasklint"))
    parser.add_argument("--file", type=Path, help="the file to edit, relative to TREE")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    tree = args.tree.resolve()
    binary = str(Path(args.binary).resolve())
    target = (tree / args.file) if args.file else view_file(tree)
    text = target.read_text()
    line, character = edit_line(text)
    python_files = sum(1 for _ in tree.rglob("*.py"))

    server = Server(binary, tree)
    uri = target.as_uri()
    started = server.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": tree.as_uri(),
            "workspaceFolders": [{"uri": tree.as_uri(), "name": tree.name}],
            "capabilities": {"window": {"workDoneProgress": True}},
        },
    )
    server.until(lambda m: m.get("id") == started and "method" not in m)
    began = server.notify("initialized", {})
    ended, end = server.until(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "end")
    initial_ms = (ended - began) * 1000
    rss_after_build = server.rss_kib()

    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    server.until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and m["params"].get("version") == 1)

    latencies, analyses = [], []
    for run in range(args.runs):
        version = run + 2
        if run % 2 == 0:
            change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": " "}
        else:
            change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}}, "text": ""}
        sent = server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        at, _ = server.until(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            log=analyses,
        )
        latencies.append((at - sent) * 1000)
    rss_now, rss_peak = server.rss_kib()
    shutdown = server.request("shutdown", None)
    server.until(lambda m: m.get("id") == shutdown and "method" not in m)
    server.notify("exit", None)
    code = server.proc.wait(timeout=60)

    load = os.getloadavg()[0]
    print(f"tree: {tree} ({python_files} Python files)")
    print(f"edited: {target.relative_to(tree)} line {line + 1}, {args.runs} one-character changes")
    print(f"initial build (initialized -> progress end): {initial_ms:.0f} ms; {end['params']['value'].get('message', '')}")
    print(f"RSS after the initial build: {rss_after_build[0] / 1024:.0f} MiB; at the end: {rss_now / 1024:.0f} MiB; peak: {rss_peak / 1024:.0f} MiB")
    print(
        f"time to diagnostics after a change (debounce included): median {statistics.median(latencies):.0f} ms, "
        f"min {min(latencies):.0f} ms, max {max(latencies):.0f} ms"
    )
    if analyses:
        print(
            f"analysis per change (server log): median {statistics.median(analyses):.0f} ms, "
            f"min {min(analyses)} ms, max {max(analyses)} ms"
        )
    print(f"exit code after shutdown/exit: {code}; 1-minute load average: {load:.2f}")


if __name__ == "__main__":
    main()
