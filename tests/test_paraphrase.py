"""The article is paraphrased, never copied: no string, comment or doc of the project shares ten
words in a row (case and punctuation aside) with the reference text in ``../shared/reference/``.

The reference folder sits beside the main checkout (``../shared/reference``; from a worktree in
``/work/wt/<name>``, ``../../shared/reference``), or wherever ``WORKBOOK_REFERENCE_DIR`` points.
Where it is absent (a CI machine) the test runs on the project's copy: a fingerprint of every
ten-word run of the article (``tests/fixtures/reference_fingerprint.txt``, hashes only, so the
article's text is not kept in the project). When the folder is present the fingerprint must match it.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = 10  # words in a row that make a copy
FINGERPRINT = ROOT / "tests" / "fixtures" / "reference_fingerprint.txt"
TEXT_SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".yaml", ".yml", ".json", ".csv", ".vcf", ".example"}
TEXT_NAMES = {"Makefile", "run"}
_APOSTROPHES = re.compile(r"['\u2019\u2018]")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, punctuation ignored ("don't" and "dont" are one word)."""
    return _WORD.findall(_APOSTROPHES.sub("", text.casefold()))


def run_key(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:20]


def fingerprint(text: str) -> set[str]:
    """A hash of every run of ten consecutive words."""
    tokens = words(text)
    return {run_key(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def reference_dirs() -> list[Path]:
    named = os.environ.get("WORKBOOK_REFERENCE_DIR")
    candidates = [Path(named)] if named else []
    return candidates + [ROOT.parent / "shared" / "reference", ROOT.parent.parent / "shared" / "reference"]


def reference_texts() -> dict[str, str] | None:
    for folder in reference_dirs():
        if folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.is_file())
            return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}
    return None


def article_runs() -> set[str]:
    texts = reference_texts()
    if texts is not None:
        return set().union(*(fingerprint(t) for t in texts.values()))
    if FINGERPRINT.exists():
        return set(FINGERPRINT.read_text().split())
    message = (
        "The reference article is not in ../shared/reference (nor WORKBOOK_REFERENCE_DIR) and the project "
        f"keeps no fingerprint of it ({FINGERPRINT.relative_to(ROOT)}): the paraphrase check cannot run."
    )
    pytest.fail(message)  # never a skip: on CI (CI=true) and locally alike, a check that cannot run is a failure


def project_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    paths = [ROOT / line for line in listed.splitlines() if line]
    return [
        p for p in paths if (p.suffix in TEXT_SUFFIXES or p.name in TEXT_NAMES) and p != FINGERPRINT and p.is_file()
    ]


def test_the_fingerprint_the_project_keeps_matches_the_reference_when_it_is_there():
    texts = reference_texts()
    if texts is None:  # a CI machine: the fingerprint is all there is, and must be there
        assert FINGERPRINT.exists(), f"{FINGERPRINT.relative_to(ROOT)} is missing"
        assert len(FINGERPRINT.read_text().split()) > 1000
        return
    expected = sorted(set().union(*(fingerprint(t) for t in texts.values())))
    kept = sorted(FINGERPRINT.read_text().split()) if FINGERPRINT.exists() else []
    assert kept == expected, (
        "tests/fixtures/reference_fingerprint.txt is out of date: rebuild it with "
        "`python -m tests.test_paraphrase` from the repository root"
    )


def test_no_file_of_the_project_copies_ten_words_in_a_row_from_the_article():
    article = article_runs()
    copies = []
    for path in project_files():
        tokens = words(path.read_text(encoding="utf-8", errors="replace"))
        i = 0
        while i <= len(tokens) - RUN:
            run = tokens[i : i + RUN]
            if run_key(run) in article:
                copies.append(f"{path.relative_to(ROOT)}: “{' '.join(run)}”")
                i += RUN  # the next hit, not the same one shifted by a word
            else:
                i += 1
    assert not copies, "Copied from the article (ten words in a row); reword:\n" + "\n".join(copies)


def test_the_check_catches_a_copy_across_case_punctuation_and_line_breaks():
    article = fingerprint("Don't be afraid: ask your Network, for what you need, today and every day!")
    copied = words("dont BE afraid ask\n    # your network -- for what YOU need today")
    assert run_key(copied[:RUN]) in article
    assert run_key(words("do not be afraid ask your network for what you need")) not in article


if __name__ == "__main__":  # rebuild the fingerprint from the reference folder
    found = reference_texts()
    if found is None:
        raise SystemExit("no reference folder found: " + ", ".join(map(str, reference_dirs())))
    FINGERPRINT.write_text("\n".join(sorted(set().union(*(fingerprint(t) for t in found.values())))) + "\n")
    print(f"wrote {FINGERPRINT.relative_to(ROOT)}")
