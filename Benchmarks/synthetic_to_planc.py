#!/usr/bin/env python3
"""Convert the synthetic benchmark model to a planc plan repository.

    python3 Benchmarks/synthetic_to_planc.py model.json OUTDIR

model.json is what `gen_plan.py --n N --json model.json` writes next to its TaskJuggler
project (see ../shared/bench/synthetic/gen_plan.py), so planc and tj3 can schedule the same
project. OUTDIR gets the layout a PMO would use for a project of this size:

    OUTDIR/team.md                     the people (r1 ... rR) as one team
    OUTDIR/calendar.md                 Monday to Friday, 8 hours, no holidays (the tjp has none)
    OUTDIR/plan.md                     the project: metadata and description
    OUTDIR/work/packages-0000-0099.md  `part-of:` files, 100 work packages each

Mapping from the TaskJuggler project:

    task tN, effort Kd, allocate rX       - [ ] Task N — id:tN Kd @rX
    depends a, b { gaplength 2d }          after:a,b+2d  (gaplength counts working days, as +Nd does)
    milestone "WP k done" on all leaves    - [ ] WP k done — id:wpk-done milestone after:<leaves>
    project window start +Dd               start: and deadline:

TaskJuggler's `alternative` resources have no counterpart in planc; those tasks keep their
primary resource, and the project description says how many there were.

The output depends only on the model: same model, same bytes.
"""
import datetime as dt
import json
import os
import sys

PACKAGES_PER_FILE = 100
DASH = "\u2014"


def task_line(task, tasks):
    attrs = ["id:%s" % task["id"], "%dd" % task["effort_days"], "@%s" % task["resource"]]
    if task["deps"]:
        refs = []
        for dep in task["deps"]:
            ref = tasks[dep["task"]]["id"]
            if dep["gap_days"]:
                ref += "+%dd" % dep["gap_days"]
            refs.append(ref)
        attrs.append("after:" + ",".join(refs))
    return "- [ ] %s %s %s\n" % (task["name"], DASH, " ".join(attrs))


def milestone_line(wp, leaves):
    after = ",".join(t["id"] for t in leaves)
    return "- [ ] WP %d done %s id:wp%d-done milestone after:%s\n" % (wp, DASH, wp, after)


def team_file(model):
    lines = ["# Synthetic benchmark team\n", "\n", "- team: bench\n", "\n",
             "One person per TaskJuggler resource, all full time on the default calendar.\n",
             "\n", "## People\n"]
    for r in model["resources"]:
        lines.append("- Person %s %s id:%s\n" % (r[1:], DASH, r))
    return "".join(lines)


def calendar_file():
    return ("# Working calendar\n\n"
            "- calendar: default\n"
            "- working-days: mon-fri\n"
            "- hours-per-day: 8\n\n"
            "The TaskJuggler project uses its default working week and declares no holidays,\n"
            "so this calendar has none either.\n")


def project_file(model, part_names):
    start = dt.date.fromisoformat(model["start"])
    deadline = start + dt.timedelta(days=model["project_calendar_days"])
    alternatives = sum(1 for t in model["tasks"] if t["alternative"])
    deps = sum(len(t["deps"]) for t in model["tasks"])
    lines = [
        "# Synthetic benchmark, %d tasks\n" % model["n"], "\n",
        "- project: bench\n",
        "- start: %s\n" % start.isoformat(),
        "- deadline: %s\n" % deadline.isoformat(),
        "- phase: execution\n",
        "- calendar: default\n", "\n",
        "Generated from the seeded model of gen_plan.py (seed %d): %d effort-based tasks in %d\n"
        % (model["seed"], model["n"], model["n_wp"]),
        "work packages, %d finish-to-start dependencies and %d people. The deadline is the end\n"
        % (deps, len(model["resources"])),
        "of the TaskJuggler project window. %d tasks name an alternative resource in TaskJuggler;\n"
        % alternatives,
        "planc has no alternatives, so they keep their primary resource.\n", "\n",
        "The work breakdown is in `work/`: %d file%s of up to %d work packages each.\n"
        % (len(part_names), "" if len(part_names) == 1 else "s", PACKAGES_PER_FILE),
    ]
    return "".join(lines)


def part_file(model, first_wp, last_wp, by_wp, tasks):
    lines = ["# Synthetic benchmark, work packages %d to %d\n" % (first_wp, last_wp), "\n",
             "- part-of: bench\n", "\n", "## Work\n"]
    for wp in range(first_wp, last_wp + 1):
        leaves = by_wp.get(wp, [])
        lines.append("\n### Work package %d %s id:wp%d\n" % (wp, DASH, wp))
        for task in leaves:
            lines.append(task_line(task, tasks))
        if model["milestones"] and leaves:
            lines.append(milestone_line(wp, leaves))
    return "".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: synthetic_to_planc.py model.json OUTDIR\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        model = json.load(f)
    out = argv[2]
    tasks = model["tasks"]
    by_wp = {}
    for task in tasks:
        by_wp.setdefault(task["wp"], []).append(task)

    # Zero-padded to one width so that byte order of the file names is work package order.
    width = max(4, len(str(model["n_wp"] - 1)))
    parts = []
    for first in range(0, model["n_wp"], PACKAGES_PER_FILE):
        last = min(first + PACKAGES_PER_FILE, model["n_wp"]) - 1
        parts.append(("work/packages-%0*d-%0*d.md" % (width, first, width, last), first, last))

    write(os.path.join(out, "team.md"), team_file(model))
    write(os.path.join(out, "calendar.md"), calendar_file())
    write(os.path.join(out, "plan.md"), project_file(model, [p[0] for p in parts]))
    for name, first, last in parts:
        write(os.path.join(out, name), part_file(model, first, last, by_wp, tasks))
    sys.stderr.write("wrote %d tasks in %d work packages to %s (%d part file%s)\n"
                     % (len(tasks), model["n_wp"], out, len(parts), "" if len(parts) == 1 else "s"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
