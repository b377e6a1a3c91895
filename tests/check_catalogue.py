#!/usr/bin/env python3
# carecap. SPDX-License-Identifier: MIT
"""Every message id the code asks for exists in the catalogue (text/messages/*.toml), and no
message file defines an id twice. Ids are found as the string literal right after say(LANG, ...,
both(... or text::..._id( in C++ sources, and as 'page.*' keys in tools/report/report.js.
An id ending in "." is a prefix completed at run time: some entry must start with it.
Exit 1 with one line per missing id."""
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def catalogue_ids(problems: list[str]) -> set[str]:
    ids: set[str] = set()

    def walk(table: dict, prefix: str) -> None:
        if "zh" in table or "en" in table:
            if prefix in ids:
                problems.append(f"text/messages: {prefix} defined in two files")
            ids.add(prefix)
            return
        for key, value in table.items():
            walk(value, f"{prefix}.{key}" if prefix else key)

    for path in sorted((ROOT / "text" / "messages").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), "")
    return ids


def main() -> int:
    missing: list[str] = []
    known = catalogue_ids(missing)
    asked = re.compile(r'\b(?:say\([^,()]*,\s*|both\(|say_id\()\s*"([a-z0-9_.]+)"')
    for folder in ("text", "scenarios", "output", "tools", "models"):
        for path in (ROOT / folder).rglob("*.[ch]pp"):
            if "node_modules" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for match in asked.finditer(text):
                asked_id = match.group(1)
                # An id ending in "." is a prefix completed at run time ("sources.item." + key):
                # at least one entry must start with it.
                if asked_id.endswith(".") and any(k.startswith(asked_id) for k in known):
                    continue
                if asked_id not in known:
                    line = text.count("\n", 0, match.start()) + 1
                    missing.append(f"{path.relative_to(ROOT)}:{line}: no message {match.group(1)} in text/messages")
    for line in missing:
        print(line)
    print(f"{len(known)} messages; {len(missing)} id(s) asked for but missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
