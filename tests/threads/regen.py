#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the thread test programs.

The programs live in ``threading/``, ``queue/``, ``multiprocessing/`` and
``mp_queue/``, ``mp_pipe/``, ``mp_sync/`` (next to this script);
``tests/stdlib_threading.rs`` and ``tests/stdlib_queue.rs`` run them in the
simulator and compare with what the real python3 (3.11) printed, which this
script records in ``<dir>/expected/<name>.stdout``, ``.stderr`` and
``.status`` (the exit code, no newline).

Each program runs twice (PYTHONHASHSEED 1 and 2); a program whose outputs
differ between the runs is refused: it depends on timing or hash order.
Python runs with ``-W ignore::DeprecationWarning`` (the simulator does not
emit warnings, and some programs use the deprecated aliases on purpose).

In stderr, the program directory's path is removed (``File "x.py"``) and the
standard library's directory becomes ``<stdlib>``, so no machine path is
recorded; the Rust tests drop standard-library frames from both sides.

Usage:
    python3 tests/threads/regen.py              rewrite every expectation
    python3 tests/threads/regen.py NAME...      only these programs (stems)
    python3 tests/threads/regen.py --check      write nothing; exit 1 if stale
    python3 tests/threads/regen.py --dir=queue  only the programs of one directory
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIRS = ("threading", "queue", "multiprocessing", "mp_queue", "mp_pipe", "mp_sync")
TIMEOUT_SECONDS = 30.0
SUFFIXES = (".stdout", ".stderr", ".status")
STDLIB = os.path.dirname(threading.__file__) + os.sep


def child_env(hash_seed):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        PYTHONHASHSEED=str(hash_seed),
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
        PYTHONDONTWRITEBYTECODE="1",
        LC_ALL="C.UTF-8",
    )
    return env


def run_once(path, hash_seed):
    with open(os.devnull, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-W", "ignore::DeprecationWarning", path.name],
            cwd=path.parent,
            stdin=stdin,
            capture_output=True,
            env=child_env(hash_seed),
            timeout=TIMEOUT_SECONDS,
        )
    stderr = done.stderr.replace((str(path.parent) + os.sep).encode(), b"")
    stderr = stderr.replace(STDLIB.encode(), b"<stdlib>/")
    return done.stdout, stderr, str(done.returncode).encode()


def expectation(path):
    first = run_once(path, 1)
    second = run_once(path, 2)
    for suffix, a, b in zip(SUFFIXES, first, second):
        if a != b:
            raise ValueError(f"{path.stem}: {suffix[1:]} differs between two runs")
    return dict(zip(SUFFIXES, first))


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print("the expectations come from Python 3.11", file=sys.stderr)
        return 1
    check = "--check" in argv
    names = {a for a in argv if not a.startswith("--")}
    dirs = [a.split("=", 1)[1] for a in argv if a.startswith("--dir=")] or DIRS
    problems = []
    count = 0
    for d in dirs:
        programs = sorted((ROOT / d).glob("*.py"))
        expected = ROOT / d / "expected"
        expected.mkdir(exist_ok=True)
        for path in programs:
            if names and path.stem not in names:
                continue
            count += 1
            try:
                outputs = expectation(path)
            except (ValueError, subprocess.TimeoutExpired) as e:
                problems.append(f"REFUSED {d}/{path.name}: {e}")
                continue
            for suffix, content in outputs.items():
                target = expected / (path.stem + suffix)
                if check:
                    if not target.exists() or target.read_bytes() != content:
                        problems.append(f"STALE {d}/expected/{target.name}")
                else:
                    target.write_bytes(content)
        if not names:
            stems = {p.stem for p in programs}
            for leftover in sorted(expected.glob("*")):
                if leftover.stem not in stems:
                    if check:
                        problems.append(f"ORPHAN {d}/expected/{leftover.name}")
                    else:
                        leftover.unlink()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{count} programs {'up to date' if check else 'regenerated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
