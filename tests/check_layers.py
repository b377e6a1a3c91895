#!/usr/bin/env python3
# carecap. SPDX-License-Identifier: MIT
"""The house's rules, checked on the source tree (DEVELOPERS.md, "Layout"):
- dependencies point one way: each folder includes carecap headers only of the folders listed
  for it below (sim nothing outside sim; models nothing of scenarios, output or tools; ...);
- tools/ holds folders only (no C++ source directly in it);
- no source, build or documentation file of the tree is longer than 450 lines (data tables excepted).
Exit 1 with one line per breach."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# folder -> the carecap folders its files may include (besides their own)
ALLOWED = {
    "sim": [],
    "text": [],
    "models": ["sim"],
    "scenarios": ["sim", "text", "models"],
    "output": ["sim", "text", "models"],
    "tools/run": ["sim", "text", "models", "scenarios", "output"],
    "tools/report": ["sim", "text", "models", "output", "tools/run"],
    "tools/study": ["sim", "text", "models", "scenarios", "output", "tools/run"],
    "tools/sweep": ["sim", "text", "models", "scenarios", "output", "tools/run"],
    "tools/optimise": ["sim", "text", "models", "scenarios", "output", "tools/run", "tools/sweep"],
    "tools/serve": ["sim", "text", "models", "scenarios", "output", "tools/run", "tools/study", "tools/sweep",
                    "tools/report"],
    "tools/cli": ["sim", "text", "models", "scenarios", "output", "tools/run", "tools/study", "tools/sweep",
                  "tools/report", "tools/serve", "tools/optimise"],
}
SOURCE = (".cpp", ".hpp", ".h", ".in", ".S")
MAX_LINES = 450
LONG_OK = (".csv",)  # data tables: one row a line


def layer_of(path: str) -> str | None:
    for layer in sorted(ALLOWED, key=len, reverse=True):
        if path == layer or path.startswith(layer + "/"):
            return layer
    return None


def main() -> int:
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    breaches = []
    include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    for name in files:
        path = ROOT / name
        if not path.is_file():
            continue
        if name.startswith("tools/") and name.count("/") == 1 and name.endswith(SOURCE):
            breaches.append(f"{name}: a C++ source directly in tools/; expected it in a folder by concept")
        if not name.endswith(LONG_OK) and "node_modules" not in name and name.endswith(
                SOURCE + (".py", ".sh", ".md", ".txt", ".toml", ".js", ".mjs", ".css")):
            lines = path.read_text(encoding="utf-8", errors="replace").count("\n")
            if lines > MAX_LINES:
                breaches.append(f"{name}: {lines} lines; expected at most {MAX_LINES}")
        layer = layer_of(name)
        if layer is None or not name.endswith(SOURCE):
            continue
        for target in include.findall(path.read_text(encoding="utf-8", errors="replace")):
            if "/" not in target:
                continue
            to = layer_of(target)
            if to is None or to == layer:
                continue
            if to not in ALLOWED[layer]:
                breaches.append(f"{name}: includes {target}; {layer} may include only "
                                f"{', '.join(ALLOWED[layer]) or 'itself'}")
    for line in breaches:
        print(line)
    print(f"checked {len(files)} files: {len(breaches)} breach(es)")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
