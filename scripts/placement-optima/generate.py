#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates AWS-shaped placement instances and solves each to proven optimality with CBC.

Offline tool: CBC (Debian package coinor-cbc) is never a build or test dependency. The solved
instances are stored as data in tests/data/placement/optima/ and read by tst_placementoptima and
bench_placement.

Usage (from the repository root):
    python3 scripts/placement-optima/generate.py [--count 30] [--out tests/data/placement/optima]
                                                 [--seconds 900] [--only NAME]

Model. An instance is 20-60 tasks of 3-8 services (0.25-4 vCPU, 0.5-16 GiB, one pod each; about
a fifth pinned to arm64 and a fifth to x86_64) and 3-6 us-east-1 instance types (large..4xlarge of
the m/c/r 5th-7th generation Intel, AMD and Graviton families). Usable node capacity is the
Karpenter allocatable CPU, memory and pods of resources/catalog/instance_types.csv (kubelet and
system reservations already taken off); every other instance also reserves a DaemonSet share of
0.1 vCPU / 256 MiB / 2 pods per node ("node_overhead"). Prices are the On-Demand us-east-1 prices
of resources/catalog/ec2_ondemand_prices.csv. No headroom, no Spot, no exclusive keys.

Exact solution. A node's contents is a pattern (count per service) that fits the type's capacity
in all three dimensions and respects the architecture. Every packing can be turned into one that
uses only maximal patterns (no further task of a service with tasks left fits) at the same cost,
so the set-covering integer program
    min sum_p price_p x_p   s.t.   sum_p a_gp x_p >= count_g  for every service g,   x_p integer >= 0
over all maximal patterns of all types is exact. The patterns are enumerated completely (instances
with more than PATTERN_LIMIT patterns are regenerated from the next seed), the IP is written in
CPLEX LP format and solved by `cbc`; only instances CBC reports as "Optimal" are kept. The solution
is checked again here (coverage, capacities) before it is stored.
"""

import argparse
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CATALOG = os.path.join(ROOT, "resources", "catalog")
REGION = "us-east-1"
PATTERN_LIMIT = 400000
FAMILIES = ["m5", "c5", "r5", "m6i", "c6i", "r6i", "m6a", "c6a", "m7i", "c7i", "r7i",
            "m6g", "c6g", "r6g", "m7g", "c7g", "r7g"]
SIZES = ["large", "xlarge", "2xlarge", "4xlarge"]
CPU_CHOICES = [0.25, 0.5, 0.5, 0.75, 1.0, 1.0, 1.5, 2.0, 2.0, 3.0, 4.0]
GIB_PER_VCPU = [0.5, 1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 6.0, 8.0]


def load_types():
    prices = {}
    with open(os.path.join(CATALOG, "ec2_ondemand_prices.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["region"] == REGION:
                prices[row["instance_type"]] = float(row["usd_per_hour"])
    types = {}
    with open(os.path.join(CATALOG, "instance_types.csv"), newline="") as f:
        for row in csv.DictReader(f):
            name = row["instance_type"]
            family, _, size = name.partition(".")
            if family not in FAMILIES or size not in SIZES or name not in prices:
                continue
            if not row["karpenter_allocatable_cpu_millicores"]:
                continue
            types[name] = {
                "name": name,
                "arch": row["arch"],
                "cpu": int(row["karpenter_allocatable_cpu_millicores"]) / 1000.0,
                "memory_mib": int(row["karpenter_allocatable_memory_mib"]),
                "slots": int(row["karpenter_pods"]),
                "price_per_hour": prices[name],
            }
    return types


def make_instance(rng, types, index):
    names = sorted(types)
    services = rng.randint(3, 8)
    tasks = rng.randint(20, 60)
    items = []
    # Split the tasks over the services (each at least one).
    cuts = sorted(rng.sample(range(1, tasks), services - 1))
    counts = [b - a for a, b in zip([0] + cuts, cuts + [tasks])]
    for s in range(services):
        cpu = rng.choice(CPU_CHOICES)
        mem = cpu * 1024 * rng.choice(GIB_PER_VCPU)
        mem = min(16384, max(512, int(round(mem / 128.0)) * 128))
        item = {"service": "svc%d" % (s + 1), "count": counts[s], "cpu": cpu, "memory_mib": mem, "slots": 1}
        u = rng.random()
        if u < 0.2:
            item["arch"] = "arm64"
        elif u < 0.4:
            item["arch"] = "x86_64"
        items.append(item)
    archs_needed = {i["arch"] for i in items if "arch" in i}
    overhead = {"cpu": 0.1, "memory_mib": 256, "slots": 2} if index % 2 == 1 else {"cpu": 0, "memory_mib": 0, "slots": 0}
    while True:
        chosen = rng.sample(names, rng.randint(3, 6))
        archs = {types[n]["arch"] for n in chosen}
        placeable = all(any(compatible(i, types[n]) and all(r <= c for r, c in zip(request(i), usable(types[n], overhead)))
                            for n in chosen) for i in items)
        if archs_needed <= archs and placeable:
            break
    node_types = [types[n] for n in sorted(chosen)]
    return {"items": items, "node_types": node_types, "node_overhead": overhead}


def usable(t, overhead):
    return (round(t["cpu"] * 1000 - overhead["cpu"] * 1000), t["memory_mib"] - overhead["memory_mib"],
            t["slots"] - overhead["slots"])


def request(item):
    return (round(item["cpu"] * 1000), item["memory_mib"], item.get("slots", 1))


def compatible(item, t):
    return "arch" not in item or item["arch"] == t["arch"]


def enumerate_patterns(inst):
    """All maximal patterns per type: list of (type index, tuple of counts per item)."""
    items = inst["items"]
    reqs = [request(i) for i in items]
    patterns = []
    for ti, t in enumerate(inst["node_types"]):
        cap = usable(t, inst["node_overhead"])
        if min(cap) < 0:
            continue
        groups = [g for g, item in enumerate(items) if compatible(item, t) and all(r <= c for r, c in zip(reqs[g], cap))]
        if not groups:
            continue
        counts = [0] * len(items)

        def rec(pos, free):
            if len(patterns) > PATTERN_LIMIT:
                return
            if pos == len(groups):
                for g in groups:
                    if counts[g] < items[g]["count"] and all(r <= f for r, f in zip(reqs[g], free)):
                        return  # not maximal
                if any(counts[g] for g in groups):
                    patterns.append((ti, tuple(counts)))
                return
            g = groups[pos]
            r = reqs[g]
            kmax = items[g]["count"]
            for d in range(3):
                if r[d] > 0:
                    kmax = min(kmax, free[d] // r[d])
            for k in range(kmax, -1, -1):
                counts[g] = k
                rec(pos + 1, tuple(f - k * rd for f, rd in zip(free, r)))
            counts[g] = 0

        rec(0, cap)
    return patterns


def lp_relaxation_note():
    return "LP relaxation of the same model, solved by CBC's initial LP"


def solve_cbc(inst, patterns, seconds, workdir):
    items = inst["items"]
    lp = ["Minimize", " obj: " + " + ".join("%.6f x%d" % (inst["node_types"][t]["price_per_hour"], p)
                                           for p, (t, _) in enumerate(patterns)), "Subject To"]
    for g, item in enumerate(items):
        terms = ["%d x%d" % (a[g], p) for p, (_, a) in enumerate(patterns) if a[g] > 0]
        lp.append(" c%d: %s >= %d" % (g, " + ".join(terms), item["count"]))
    lp.append("General")
    names = ["x%d" % p for p in range(len(patterns))]
    for i in range(0, len(names), 20):
        lp.append(" " + " ".join(names[i:i + 20]))
    lp.append("End")
    model = os.path.join(workdir, "model.lp")
    sol = os.path.join(workdir, "solution.txt")
    with open(model, "w") as f:
        f.write("\n".join(lp) + "\n")
    out = subprocess.run(["cbc", model, "sec", str(seconds), "threads", "1", "solve", "solu", sol],
                         capture_output=True, text=True)
    with open(sol) as f:
        lines = f.read().splitlines()
    status = lines[0]
    x = {}
    for line in lines[1:]:
        parts = line.split()
        if len(parts) >= 3 and parts[1].startswith("x"):
            v = float(parts[2])
            if abs(v) > 1e-6:
                x[int(parts[1][1:])] = int(round(v))
    lp_value = None
    m = re.search(r"Continuous objective value is ([0-9.eE+-]+)", out.stdout)
    if m:
        lp_value = float(m.group(1))
    version = re.search(r"Version: ([0-9.]+)", out.stdout)
    return status, x, lp_value, version.group(1) if version else "?"


def check(inst, patterns, x):
    items = inst["items"]
    covered = [0] * len(items)
    cost = 0.0
    for p, n in x.items():
        t, a = patterns[p]
        tt = inst["node_types"][t]
        cap = usable(tt, inst["node_overhead"])
        used = [sum(a[g] * request(items[g])[d] for g in range(len(items))) for d in range(3)]
        assert all(u <= c for u, c in zip(used, cap)), "pattern over capacity"
        assert all(a[g] == 0 or compatible(items[g], tt) for g in range(len(items))), "architecture"
        for g in range(len(items)):
            covered[g] += a[g] * n
        cost += tt["price_per_hour"] * n
    assert all(c >= i["count"] for c, i in zip(covered, items)), "not covered"
    return cost


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "data", "placement", "optima"))
    ap.add_argument("--seconds", type=int, default=900)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    types = load_types()
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.count):
        name = "aws%02d" % (index + 1)
        if args.only and name not in args.only.split(","):
            continue
        path = os.path.join(args.out, name + ".json")
        attempt = 0
        while True:
            seed = 1000 * (index + 1) + attempt
            rng = random.Random(seed)
            inst = make_instance(rng, types, index)
            patterns = enumerate_patterns(inst)
            if len(patterns) <= PATTERN_LIMIT:
                break
            attempt += 1
        with tempfile.TemporaryDirectory() as workdir:
            status, x, lp_value, version = solve_cbc(inst, patterns, args.seconds, workdir)
        if not status.startswith("Optimal"):
            print("%s: seed %d: CBC did not prove optimality (%s); skipped" % (name, seed, status), file=sys.stderr)
            continue
        cost = check(inst, patterns, x)
        nodes = {}
        for p, n in sorted(x.items()):
            t, a = patterns[p]
            nodes.setdefault(inst["node_types"][t]["name"], 0)
            nodes[inst["node_types"][t]["name"]] += n
        doc = {
            "name": name,
            "generator": "scripts/placement-optima/generate.py, seed %d" % seed,
            "region": REGION,
            "capacity": "Karpenter allocatable cpu/memory/pods (resources/catalog/instance_types.csv) minus node_overhead",
            "node_types": inst["node_types"],
            "node_overhead": inst["node_overhead"],
            "items": inst["items"],
            "tasks": sum(i["count"] for i in inst["items"]),
            "patterns": len(patterns),
            "optimum_per_hour": round(cost, 6),
            "optimal_nodes": nodes,
            "lp_relaxation_per_hour": lp_value,
            "proof": "CBC %s: %s (set-covering IP over all %d maximal patterns)" % (version, status.split(" - ")[0].strip(), len(patterns)),
        }
        with open(path, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print("%s: %d tasks, %d services, %d types, %d patterns, OPT %.4f, LP %s" % (
            name, doc["tasks"], len(inst["items"]), len(inst["node_types"]), len(patterns), cost, lp_value))


if __name__ == "__main__":
    main()
