#!/usr/bin/env python3
"""Rebuilds the fuzzers' seed corpora (Fuzz/TARGET/corpus/) from the repository's own files:
the shipped Rules/ (each statement as a small profile, under the `rules` target's -max_len),
Examples/, and the rules snippets, CSV lists, JSON documents and /v1/check bodies written as
string literals in Tests/. Run from anywhere: python3 scripts/fuzz-seeds.py. The output is
deterministic; the files are named by the SHA-1 of their content, as libFuzzer names its own.

Inputs that nest rule expressions deeply are left out of the seeds: they are kept apart as
regressions in Fuzz/rules/regressions/ (they overflowed the stack before the fix, see
docs/reliability.md)."""
import hashlib
import json as jsonlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTS = sorted(ROOT.glob("Tests/**/*.swift"))
RULES_MAX = 2048  # scripts/fuzz.sh max_len for `rules`
PROFILE = 'profile "fuzz" "Seed"\n  extends "national"\n\n'


def unescape(text):
    """The value of a Swift string literal body (the escapes the tests use)."""
    text = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), text)
    return (text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")
            .replace('\\"', '"').replace("\\\\", "\\"))


def literals():
    """Every string literal of the tests: raw single-line, plain single-line, multi-line."""
    for path in TESTS:
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r'#"(.*?)"#', source):
            yield match.group(1)
        for match in re.finditer(r'(?<![#\\])"((?:[^"\\\n]|\\.)*)"', source):
            yield unescape(match.group(1))
        for match in re.finditer(r'"""\n(.*?)\n\s*"""', source, re.S):
            body = match.group(1)
            indent = min((len(line) - len(line.lstrip()) for line in body.splitlines() if line.strip()), default=0)
            yield unescape("\n".join(line[indent:] for line in body.splitlines()) + "\n")


def statements(text):
    """The top-level statements of a rules file (each starts at column 1 with a keyword)."""
    current = []
    for line in text.splitlines(keepends=True):
        if re.match(r"(tool|use|classify|rule|extend|override)\b", line) and current:
            yield "".join(current)
            current = []
        if current or re.match(r"(tool|use|classify|rule|extend|override)\b", line):
            current.append(line)
    if current:
        yield "".join(current)


def block_yaml(items, indent):
    """A list of uses as a YAML block sequence of mappings."""
    lines = []
    for item in items:
        for index, (key, value) in enumerate(item.items()):
            text = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else jsonlib.dumps(value, ensure_ascii=False)
            lines.append(indent + ("- " if index == 0 else "  ") + f"{key}: {text}")
    return "\n".join(lines) + "\n"


def is_json(text):
    return text.lstrip()[:1] in ("{", "[")


def seeds():
    rules, csv, json, yaml, body = set(), set(), set(), set(), set()
    for path in sorted(ROOT.glob("Rules/**/*.rules")):
        text = path.read_text(encoding="utf-8")
        header = text.split("\n\n", 1)[0] + "\n\n"
        for statement in statements(text):
            statement = re.sub(r"(?m)^#.*\n", "", statement)
            rules.add((PROFILE if "extends" not in header else header) + statement)
    for path in sorted(ROOT.glob("Examples/*.csv")):
        csv.add(path.read_bytes())
    for text in literals():
        if "\\(" in text:  # a template with interpolations, not an input
            continue
        if re.search(r"(?m)^(policy|profile) \"", text) or re.search(r"(?m)^(rule|tool|classify|extend) ", text):
            rules.add(text)
        elif re.match(r"\ufeff?tool[;,\t]", text):
            csv.add(text.encode("utf-8"))
            csv.add(text.encode("cp1252", errors="replace"))
        elif is_json(text) and len(text) > 1:
            json.add(text)
            if '"tool"' in text and text.lstrip().startswith("{"):
                body.add(text)
        elif re.match(r"(- tool:|uses:)", text):
            yaml.add(text)
    # The JSON lists, written in block style (both shapes the CLI reads), and as they are
    # (YAML is a superset of JSON).
    for text in json:
        try:
            value = jsonlib.loads(text)
        except ValueError:
            continue
        items = value if isinstance(value, list) else value.get("uses") if isinstance(value, dict) else None
        if isinstance(items, list) and items and all(isinstance(item, dict) for item in items):
            yaml.add(text)
            yaml.add(block_yaml(items, ""))
            yaml.add("school: Seed\nuses:\n" + block_yaml(items, "  "))
    rules = {text for text in rules if len(text.encode()) <= RULES_MAX and text.count("(") < 100}
    return {
        "rules": [text.encode() for text in rules],
        "csv": sorted(csv),
        "json": [text.encode() for text in json],
        "yaml": [text.encode() for text in yaml],
        "check-body": [text.encode() for text in body],
    }


def main():
    for target, items in seeds().items():
        folder = ROOT / "Fuzz" / target / "corpus"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for data in items:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(items)} seeds")


main()
