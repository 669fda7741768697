"""Extracts what .ci/run validates offline in the GitHub Action and workflows.

Usage: extract_scripts.py OUT_DIR

Writes, under OUT_DIR:
- scripts/<file>.<job>.<step>.sh: every bash `run:` step of action.yml and .github/workflows/*.yml,
  for shellcheck (what actionlint would run on them), with each `${{ ... }}` expression replaced
  by underscores of its length, as actionlint does, so the shell sees a plain word;
- readme-workflows/<n>.yml: every YAML block of the README that starts with a
  `# .github/workflows/...` comment, for the workflow schema.

Needs ruamel.yaml, which check-jsonschema installs. Exits 1 when a file is missing or a step has
no shell it knows.
"""

import pathlib
import re
import sys

from ruamel.yaml import YAML

EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)


def bash_steps(steps, default_shell):
    for index, step in enumerate(steps or []):
        if "run" not in step:
            continue
        shell = step.get("shell", default_shell)
        if shell != "bash":
            raise SystemExit(f"step {index} runs with `{shell}`, not bash: check it by hand")
        name = re.sub(r"[^A-Za-z0-9]+", "-", str(step.get("name", index))).strip("-")
        yield name or str(index), step["run"]


def main():
    out = pathlib.Path(sys.argv[1])
    scripts = out / "scripts"
    scripts.mkdir(parents=True, exist_ok=True)
    yaml = YAML(typ="safe")
    count = 0

    action = yaml.load(pathlib.Path("action.yml"))
    # Composite actions have no default shell: every run step names one.
    for name, script in bash_steps(action["runs"]["steps"], None):
        write_script(scripts / f"action.{name}.sh", script)
        count += 1

    for workflow_path in sorted(pathlib.Path(".github/workflows").glob("*.yml")):
        workflow = yaml.load(workflow_path)
        default = (workflow.get("defaults") or {}).get("run", {}).get("shell", "bash")
        for job_name, job in workflow["jobs"].items():
            job_default = (job.get("defaults") or {}).get("run", {}).get("shell", default)
            for name, script in bash_steps(job.get("steps"), job_default):
                write_script(scripts / f"{workflow_path.stem}.{job_name}.{name}.sh", script)
                count += 1

    examples = out / "readme-workflows"
    examples.mkdir(parents=True, exist_ok=True)
    readme = pathlib.Path("README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.github/workflows/.*?)```", readme, re.DOTALL)
    if not blocks:
        raise SystemExit("README.md has no `# .github/workflows/...` YAML example")
    for number, block in enumerate(blocks, start=1):
        (examples / f"{number}.yml").write_text(block, encoding="utf-8")

    print(f"{count} run steps, {len(blocks)} README workflow examples")


def write_script(path, script):
    # GitHub runs bash steps as `bash --noprofile --norc -eo pipefail {0}`.
    body = EXPRESSION.sub(lambda match: "_" * len(match.group(0)), script)
    path.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + body, encoding="utf-8")


if __name__ == "__main__":
    main()
