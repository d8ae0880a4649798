"""What the graders write: results.json and feedback.md per student, gradebook.csv, report.html."""

from __future__ import annotations

import csv
import html
import json
import os
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .engine import Exercise
from .submissions import Submission

ICON = {"pass": "✅", "fail": "❌", "error": "⛔", "missing": "➖"}


def _atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _kind(outcome: dict[str, Any]) -> str:
    """A one-word reason for an exercise that could not be graded (gradebook status)."""
    msg = outcome.get("message", "")
    if outcome["status"] != "error":
        return ""
    for word, kind in (("tampering", "tampered"), ("did not finish", "timeout"),
                       ("does not compile", "syntax error"), ("still running", "left processes"),
                       ("could not be imported", "import error"),
                       ("without reporting", "crashed"), ("tamper check", "crashed")):
        if word in msg:
            return kind
    return "error"


def _tests(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    slug = outcome["exercise"]
    if not outcome.get("tests"):
        return [{"name": f"{slug}: {'submitted' if outcome['status'] == 'missing' else 'graded'}",
                 "status": "fail" if outcome["status"] == "missing" else "error",
                 "message": outcome.get("message") or None, "output": outcome.get("output") or None,
                 "task_id": 0, "exercise": slug, "score": 0.0,
                 "max_score": outcome.get("max_score", 0.0), "timing": []}]
    shown = []
    for t in outcome["tests"]:
        status = t["status"]
        message = t.get("message") or None
        if status == "skip":  # not a pass: listed under "not_measured" (v3 has no skip)
            continue
        entry = {
            "name": f"{slug}: {t['name']}", "status": status, "message": message,
            "output": t.get("output") or None, "task_id": t.get("task_id", 0),
            "task_title": t.get("task_title", ""), "exercise": slug, "test_code": t["nodeid"],
            "key": t.get("key", ""), "timing_sensitive": t.get("timing_sensitive", False),
            "score": t.get("score", 0.0), "max_score": t.get("max_score", 0.0),
            "timing": t.get("timing", []), "duration": round(t.get("duration", 0.0), 4),
        }
        if t.get("rerun"):
            entry["rerun"] = t["rerun"]
        shown.append(entry)
    return shown


def _not_measured(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    """The tests that skipped (nothing to measure here, e.g. a speed-up on one CPU)."""
    slug = outcome["exercise"]
    return [{"name": f"{slug}: {t['name']}", "message": t.get("message") or None,
             "task_id": t.get("task_id", 0), "task_title": t.get("task_title", ""),
             "exercise": slug, "test_code": t["nodeid"], "score": 0.0, "max_score": 0.0}
            for t in outcome.get("tests", []) if t["status"] == "skip"]


def student_results(sub: Submission, exs: Sequence[dict[str, Any]], *, fingerprint: str,
                    sandbox: dict[str, Any]) -> dict[str, Any]:
    tests = [t for o in exs for t in _tests(o)]
    skipped = [t for o in exs for t in _not_measured(o)]
    ran = [o for o in exs if o.get("tests")]
    errors = [o for o in exs if o["status"] == "error"]
    if not ran and errors:
        status = "error"
    elif all(o["status"] == "pass" for o in exs):
        status = "pass"
    else:
        status = "fail"
    message = "\n".join(f"{o['exercise']}: {o['message']}" for o in errors) or None
    exercises = []
    for o in exs:
        conf = o.get("confinement") or {}
        exercises.append({
            "exercise": o["exercise"], "status": o["status"], "score": o.get("score", 0.0),
            "max_score": o.get("max_score", 0.0), "message": o.get("message", ""),
            "error_kind": _kind(o), "duration": o.get("duration", 0.0),
            "runs": o.get("attempt", 0), "cpus": o.get("cpus", []),
            "shared_run": bool(o.get("shared_run")), "starter": bool(o.get("starter")),
            "unmeasured_tasks": o.get("unmeasured", []),
            "interfaces": conf.get("interfaces"), "sys_class_net": conf.get("sys_class_net"),
            "default_route": conf.get("default_route"), "read_only": conf.get("read_only"),
            "output": o.get("output", "") if o["status"] == "error" else "",
        })
    return {
        "version": 3, "status": status, "message": message,
        "score": round(sum(o.get("score", 0.0) for o in exs), 2),
        "max_score": round(sum(o.get("max_score", 0.0) for o in exs), 2),
        "student": sub.student, "source": str(sub.source), "kind": sub.kind,
        "graded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "fingerprint": fingerprint, "complete": True, "confinement": sandbox,
        "notes": sub.notes, "exercises": exercises, "tests": tests, "not_measured": skipped,
    }


def _num(x: float) -> str:
    return f"{x:g}"


def feedback(results: dict[str, Any], exs: Sequence[dict[str, Any]]) -> str:
    lines = [f"# Feedback for {results['student']}", "",
             f"**Score: {_num(results['score'])} / {_num(results['max_score'])}**", ""]
    if results["notes"]:
        lines += ["About your submission:", ""] + [f"- {n}" for n in results["notes"]] + [""]
    for o in exs:
        head = (f"## {ICON.get(o['status'], '')} {o['exercise']} — "
                f"{_num(o.get('score', 0.0))} / {_num(o.get('max_score', 0.0))}")
        lines += [head, ""]
        if not o.get("tests"):
            lines += [_quote(o.get("message", "")), ""]
            continue
        if o.get("starter"):
            lines += ["This is the exercise's starter file, unchanged: nothing is written yet. "
                      "Its tests ran once for every student who handed it in; here is what "
                      "they said.", ""]
        tasks: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for t in o["tests"]:
            tasks.setdefault((int(t.get("task_id", 0)), t.get("task_title", "")), []).append(t)
        for (number, title), group in sorted(tasks.items()):
            bad = [t for t in group if t["status"] in ("fail", "error")]
            verdict = "failed" if bad else "passed"
            if number in o.get("unmeasured", []):
                verdict = ("not measured here; its points count towards the tasks that were "
                           "measured")
            lines.append(f"### Task {number} — {title}: {verdict}")
            lines.append("")
            for t in group:
                mark = {"pass": "passed", "skip": "not measured", "fail": "FAILED",
                        "error": "ERROR"}[t["status"]]
                lines.append(f"- {mark}: {t['name']}")
                if t["status"] != "pass" and t.get("message"):
                    lines.append(_quote(t["message"], "  "))
                for m in t.get("timing", []):
                    run = f" (run {m['run']})" if "run" in m else ""
                    lines.append(f"  - measured {m['what']}: {m['measured']:g} s, allowed "
                                 f"{m['allowance']:g} s → {m['verdict']}{run}")
                if t.get("rerun"):
                    lines.append(f"  - re-run: {t['rerun']}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _quote(text: str, indent: str = "") -> str:
    return "\n".join(f"{indent}> {line}" for line in (text or "").splitlines()) or f"{indent}>"


def write_student(out: Path, sub: Submission, exs: Sequence[dict[str, Any]], *, fingerprint: str,
                  sandbox: dict[str, Any], exercises: Sequence[Exercise]) -> dict[str, Any]:
    results = student_results(sub, exs, fingerprint=fingerprint, sandbox=sandbox)
    _atomic(out / sub.student / "feedback.md", feedback(results, exs))
    _atomic(out / sub.student / "results.json",
            json.dumps(results, indent=1, ensure_ascii=False))
    return results


# -- the class ----------------------------------------------------------------------------------
def gradebook(out: Path, students: Sequence[dict[str, Any]], exercises: Sequence[Exercise]) -> Path:
    path = out / "gradebook.csv"
    tmp = path.with_name(".gradebook.csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", *[ex.slug for ex in exercises], "total", "max", "status"])
        for r in sorted(students, key=lambda r: r["student"]):
            by = {e["exercise"]: e for e in r["exercises"]}
            cells = []
            problems = []
            for ex in exercises:
                e = by.get(ex.slug)
                if e is None or e["status"] == "missing":
                    cells.append("")
                    continue
                cells.append(_num(e["score"]))
                if e["status"] == "error":
                    problems.append(f"{ex.number}: {e['error_kind']}")
            w.writerow([r["student"], *cells, _num(r["score"]), _num(r["max_score"]),
                        "; ".join(problems) or "ok"])
    os.replace(tmp, path)
    return path


CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem} .muted{color:#666} table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4} .bar{background:#e6e6e6;height:.9rem;width:12rem;display:inline-block}
.bar>span{background:#3a7;height:100%;display:block} .num{text-align:right;white-space:nowrap}
.cards{display:flex;gap:1rem;flex-wrap:wrap} .card{border:1px solid #ddd;border-radius:.4rem;
padding:.6rem 1rem;min-width:9rem} .card b{font-size:1.6rem;display:block}
.err{color:#b00} pre{white-space:pre-wrap;margin:0;font-size:.85rem}
"""


def _histogram(percents: Sequence[float]) -> str:
    bins = [0] * 10
    for p in percents:
        bins[min(9, int(p // 10))] += 1
    top = max(bins) or 1
    w, h, pad = 600, 200, 30
    bw = (w - pad) / 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" id="histogram" width="{w}" '
             f'height="{h + 40}" role="img" aria-label="score histogram">']
    for i, count in enumerate(bins):
        bh = (h - 20) * count / top
        x = pad + i * bw
        parts.append(f'<rect class="bin" x="{x + 2:.1f}" y="{h - bh:.1f}" width="{bw - 4:.1f}" '
                     f'height="{bh:.1f}" fill="#3a7"><title>{i * 10}–{i * 10 + 10}%: '
                     f'{count}</title></rect>')
        if count:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{h - bh - 4:.1f}" font-size="12" '
                         f'text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{h + 16}" font-size="11" '
                     f'text-anchor="middle">{i * 10}–{i * 10 + 10}</text>')
    parts.append(f'<line x1="{pad}" y1="{h}" x2="{w}" y2="{h}" stroke="#444"/>')
    parts.append(f'<text x="{w / 2}" y="{h + 34}" font-size="12" text-anchor="middle">'
                 "score (% of the maximum)</text></svg>")
    return "".join(parts)


def report(out: Path, students: Sequence[dict[str, Any]], exercises: Sequence[Exercise]) -> Path:
    esc = html.escape
    n = len(students)
    percents = [100 * r["score"] / r["max_score"] if r["max_score"] else 0.0 for r in students]
    rows_ex = []
    for ex in exercises:
        outs = [e for r in students for e in r["exercises"] if e["exercise"] == ex.slug]
        sub = [e for e in outs if e["status"] != "missing"]
        passed = sum(1 for e in sub if e["status"] == "pass")
        errors = sum(1 for e in sub if e["status"] == "error")
        mean = statistics.fmean([e["score"] for e in sub]) if sub else 0.0
        worth = outs[0]["max_score"] if outs else 0.0
        rate = 100 * passed / len(sub) if sub else 0.0
        rows_ex.append(
            f"<tr><td>{esc(ex.slug)}</td><td class=num>{len(sub)}/{n}</td>"
            f'<td><span class=bar><span style="width:{rate:.0f}%"></span></span> '
            f"{rate:.0f}%</td><td class=num>{mean:.1f} / {worth:g}</td>"
            f"<td class=num>{errors}</td></tr>")
    failures: Counter[tuple[str, str]] = Counter()
    for r in students:
        for t in r["tests"]:
            if t["status"] in ("fail", "error") and t.get("message"):
                first = t["message"].strip().splitlines()[0][:160]
                failures[(t.get("exercise", ""), first)] += 1
    rows_fail = [f"<tr><td class=num>{c}</td><td>{esc(ex)}</td><td><pre>{esc(m)}</pre></td></tr>"
                 for (ex, m), c in failures.most_common(15)]
    rows_st = []
    for r in sorted(students, key=lambda r: r["student"]):
        by = {e["exercise"]: e for e in r["exercises"]}
        cells = []
        for ex in exercises:
            e = by.get(ex.slug)
            if e is None or e["status"] == "missing":
                cells.append("<td class=num>–</td>")
            else:
                cls = " err" if e["status"] == "error" else ""
                title = esc(e.get("error_kind") or e["status"])
                cells.append(f'<td class="num{cls}" title="{title}">{e["score"]:g}</td>')
        rows_st.append(f"<tr><td>{esc(r['student'])}</td>{''.join(cells)}"
                       f"<td class=num><b>{r['score']:g}</b> / {r['max_score']:g}</td></tr>")
    mean = statistics.fmean(percents) if percents else 0.0
    median = statistics.median(percents) if percents else 0.0
    full = sum(1 for r in students if r["status"] == "pass")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    heads = "".join(f"<th>{esc(ex.number)}</th>" for ex in exercises)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grading report</title>
<style>{CSS}</style></head><body>
<h1>Grading report</h1><p class=muted>{n} students, {len(exercises)} exercises — {when}</p>
<section id="overview"><h2>Class overview</h2><div class=cards>
<div class=card><b id="students">{n}</b>students</div>
<div class=card><b>{mean:.0f}%</b>mean score</div>
<div class=card><b>{median:.0f}%</b>median score</div>
<div class=card><b>{full}</b>all tests passed</div></div>
<h3>Score histogram</h3>{_histogram(percents)}</section>
<section id="exercises"><h2>Per exercise</h2><table>
<tr><th>exercise</th><th>submitted</th><th>passed every test</th><th>mean score</th>
<th>could not be graded</th></tr>{''.join(rows_ex)}</table></section>
<section id="failures"><h2>Most common failure messages</h2><table>
<tr><th>count</th><th>exercise</th><th>message</th></tr>{''.join(rows_fail)}</table></section>
<section id="students-table"><h2>Students</h2><table>
<tr><th>student</th>{heads}<th>total</th></tr>{''.join(rows_st)}</table></section>
</body></html>
"""
    path = out / "report.html"
    _atomic(path, page)
    return path
