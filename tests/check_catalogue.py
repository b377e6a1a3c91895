#!/usr/bin/env python3
# carecap. SPDX-License-Identifier: MIT
"""Every message id the code asks for exists in the catalogue (text/messages/*.toml), and no
message file defines an id twice. Ids are found as the string literal right after say(LANG, ...,
both(... or text::..._id( in C++ sources, as 'page.*' keys in tools/report/report.js, and as
say("...") / word: "..." ids in tools/serve/*.js (the page's scripts) and data-word="..." in page.html (serve.page.*).
An id ending in "." (or, in page.js, "_") is a prefix completed at run time: some entry must start with it.
Also: no string or character literal of the C++ sources of tools/, scenarios/loader/ and output/
(comments and *Test.cpp files aside) holds a Chinese character or full-width punctuation (CJK_TEXT),
but in the files of CJK_ALLOWED: words belong in the catalogue.
Exit 1 with one line per missing id or literal."""
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


# Chinese characters, CJK punctuation (。、「」) and full-width forms (，：（）＝): words of a language.
CJK_TEXT = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
LITERAL_FOLDERS = ("tools", "scenarios/loader", "output")
# Files that may still write Chinese inline; remove each once its words are in the catalogue.
CJK_ALLOWED: set[str] = set()
RAW_STRING = re.compile(r'(?:u8|u|U|L)?R"([^()\\ ]{0,16})\(')


def cpp_literals(source: str):
    """Yields (line, literal) for each string and character literal of C++ `source`, comments skipped."""
    i, n = 0, len(source)
    while i < n:
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif (raw := RAW_STRING.match(source, i)) and (i == 0 or not (source[i - 1].isalnum() or source[i - 1] == "_")):
            end = source.find(")" + raw.group(1) + '"', raw.end())
            end = n if end < 0 else end + len(raw.group(1)) + 2
            yield source.count("\n", 0, i) + 1, source[i:end]
            i = end
        elif source[i] in "\"'":
            if source[i] == "'" and re.search(r"\b\d[\w']*$", source[max(0, i - 40):i]):
                i += 1  # a digit separator: 1'000
                continue
            end = i + 1
            while end < n and source[end] not in (source[i], "\n"):
                end += 2 if source[end] == "\\" else 1
            yield source.count("\n", 0, i) + 1, source[i:end + 1]
            i = end + 1
        else:
            i += 1


def cjk_literals(problems: list[str]) -> None:
    """Appends one line per literal with Chinese words outside the catalogue."""
    for folder in LITERAL_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.[ch]pp")):
            name = path.relative_to(ROOT).as_posix()
            if "node_modules" in path.parts or path.name.endswith("Test.cpp") or name in CJK_ALLOWED:
                continue
            for line, literal in cpp_literals(path.read_text(encoding="utf-8")):
                if CJK_TEXT.search(literal):
                    problems.append(f"{name}:{line}: Chinese words in a literal, {literal[:40]}: move them to text/messages")


def main() -> int:
    # The scanner itself: a literal is found, the same words in comments are not.
    sample = '// "注释"\n/* "注释" */ int n = 1\'000; auto a = "中文", b = \'，\', c = R"x(原文)x";\n'
    assert [literal for _, literal in cpp_literals(sample) if CJK_TEXT.search(literal)] == ['"中文"', "'，'", 'R"x(原文)x"']

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
                # An id ending in "." (or, in page.js, "_") is a prefix completed at run time ("sources.item." + key):
                # at least one entry must start with it.
                if asked_id.endswith(".") and any(k.startswith(asked_id) for k in known):
                    continue
                if asked_id not in known:
                    line = text.count("\n", 0, match.start()) + 1
                    missing.append(f"{path.relative_to(ROOT)}:{line}: no message {match.group(1)} in text/messages")
    # The report page asks for its words by id in report.js ('page.contents', 'page.' + severity),
    # handed over by tools/report/HtmlReport.cpp from text/messages/report_page.toml.
    script = ROOT / "tools" / "report" / "report.js"
    text = script.read_text(encoding="utf-8")
    for match in re.finditer(r"'(page\.[a-z0-9_.]*)'", text):
        asked_id = match.group(1)
        if asked_id not in known and not (asked_id.endswith(".") and any(k.startswith(asked_id) for k in known)):
            line = text.count("\n", 0, match.start()) + 1
            missing.append(f"{script.relative_to(ROOT)}:{line}: no message {asked_id} in text/messages")
    # The serve page asks for its words by id without "serve.page." (tools/serve/ServePage.cpp hands
    # them over): say("id"), word: "id" and WORDS.id in its scripts, data-word="id" in page.html.
    script_ids = r'\b(?:say\(|word:\s*|"data-word-title":\s*)"([a-z0-9_]+)"|\bWORDS\.([a-z0-9_]+)'
    for name, pattern in (("page.js", script_ids), ("county_form.js", script_ids), ("scenario_view.js", script_ids),
                          ("page.html", r'data-word="([a-z0-9_]+)"')):
        page = ROOT / "tools" / "serve" / name
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(pattern, text):
            asked_id = "serve.page." + (match.group(1) or match.group(2))
            # An id ending in "_" is a prefix completed at run time ("stage_" + stage).
            if asked_id not in known and not (asked_id.endswith("_") and any(k.startswith(asked_id) for k in known)):
                line = text.count("\n", 0, match.start()) + 1
                missing.append(f"{page.relative_to(ROOT)}:{line}: no message serve.page.{match.group(1)} in text/messages")
    cjk_literals(missing)
    for line in missing:
        print(line)
    print(f"{len(known)} messages; {len(missing)} problem(s): id(s) asked for but missing, Chinese literals in code")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
