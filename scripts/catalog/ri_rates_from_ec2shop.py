#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-family Reserved Instance discounts for resources/catalog/commitment_discounts.csv.

Reads AWS's EC2 Reserved Instance price feeds (meteredUnitMaps ec2-reservedinstance[-convertible],
No Upfront, Linux, shared tenancy) as committed in yeo/ec2.shop data/ec2/<region>-reservedinstance*.json,
and writes one row per (region, family, term, class): percent off On-Demand of the family's `.large`
(or, without a `.large`, its smallest non-metal size), computed from the RI hourly and the On-Demand hourly
that the same feed entry carries. Each row's basis names both prices and the spread over the family's
other sizes. Rows for (region, family) pairs already in the CSV are not written.

Usage: ri_rates_from_ec2shop.py GIT_DIR COMMIT EXISTING_CSV REGION... > rows.csv
"""
import csv
import json
import subprocess
import sys

SIZE_ORDER = ["nano", "micro", "small", "medium", "large", "xlarge"]


def size_rank(size):
    if size in SIZE_ORDER:
        return SIZE_ORDER.index(size)
    if size.endswith("xlarge"):
        n = size[: -len("xlarge")]
        if n.isdigit():
            return len(SIZE_ORDER) + int(n)
    return None  # metal, metal-24xl, flex sizes ...


def feed(git_dir, commit, region, kind, term):
    path = f"data/ec2/{region}-reservedinstance{kind}-{term}.json"
    out = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                         capture_output=True, check=False)
    if out.returncode != 0:
        return None, path
    return json.loads(out.stdout), path


def main():
    git_dir, commit, existing_csv, *regions = sys.argv[1:]
    have = set()
    with open(existing_csv, newline="") as f:
        for r in csv.DictReader(f):
            if r["scope"] == "ec2_instance":
                have.add((r["region"], r["family_or_service"].split(".")[0]))
    date = subprocess.run(["git", "--git-dir", git_dir, "show", "-s", "--format=%cs", commit],
                          capture_output=True, text=True, check=True).stdout.strip()
    w = csv.writer(sys.stdout, lineterminator="\n")
    written = 0
    worst = 0.0
    for region in regions:
        for kind, plan in (("", "Standard RI"), ("-convertible", "Convertible RI")):
            for term in ("1y", "3y"):
                data, path = feed(git_dir, commit, region, kind, term)
                if data is None:
                    print(f"skip {path}: not in {commit[:7]}", file=sys.stderr)
                    continue
                fams = {}
                for entries in data["regions"].values():
                    for e in entries.values():
                        if (e.get("Operating System") != "Linux" or e.get("Tenancy") != "Shared"
                                or e.get("PurchaseOption") != "No Upfront"
                                or e.get("Pre Installed S/W", "NA") != "NA"):
                            continue
                        t = e["Instance Type"]
                        try:
                            ri = float(e["price"])
                            od = float(e["OnDemand:PricePerUnit"])
                        except (KeyError, ValueError):
                            continue
                        if ri <= 0 or od <= 0 or ri >= od:
                            continue
                        fam, _, size = t.partition(".")
                        rank = size_rank(size)
                        if rank is None:
                            continue
                        fams.setdefault(fam, []).append((rank, t, ri, od))
                for fam, sizes in sorted(fams.items()):
                    if (region, fam) in have:
                        continue
                    sizes.sort()
                    pick = next((s for s in sizes if s[1].endswith(".large")), sizes[0])
                    _, t, ri, od = pick
                    pct = round((1 - ri / od) * 100, 1)
                    pcts = [(1 - s[2] / s[3]) * 100 for s in sizes]
                    spread = max(pcts) - min(pcts)
                    worst = max(worst, spread)
                    basis = (f"RI {ri:g} vs On-Demand {od:g} USD/h of {t}, same file; "
                             f"{len(sizes)} sizes {min(pcts):.1f}-{max(pcts):.1f} %")
                    years = term[0]
                    source = (f"AWS EC2 RI price feed (meteredUnitMaps ec2-reservedinstance{kind}/{years} year/"
                              f"No Upfront) committed as yeo/ec2.shop {path} @{commit[:7]} ({date})")
                    w.writerow(["ec2_instance", t, region, f"{years}yr", "No Upfront", plan, f"{pct:.1f}",
                                basis, source, date])
                    written += 1
    print(f"{written} rows; widest spread between sizes of one family: {worst:.2f} points", file=sys.stderr)


if __name__ == "__main__":
    main()
