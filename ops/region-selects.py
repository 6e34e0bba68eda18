#!/usr/bin/env python3
"""Writes the region choices of the counter start forms from the region table.

Tasklist opens a start form without any process variables, so a select's options cannot come from the server at
that moment: they are written into the form. Run this after the region table changes and deploy the forms again:

    curl -s -u ADMIN:PASSWORD http://HOST/api/regions > regions.json
    python3 ops/region-selects.py regions.json forms/dibao-start.form [more forms]

It fills, in every given form, the select with key ``township`` (乡镇（街道）, labelled with its county) and the
FEEL ``valuesExpression`` of the select with key ``regionCode`` (村（社区） of the chosen township).
RegionSelectsTest fails when a deployed form's lists differ from the region table.
"""
import json
import sys


def feel_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def choices(regions):
    by_code = {r["code"]: r for r in regions}
    # abolished regions (inUse false) stay for the cases filed under them; new applications cannot choose them
    regions = [r for r in regions if r.get("inUse", True)]
    townships = sorted((r for r in regions if r["level"] == "TOWNSHIP"), key=lambda r: r["code"])
    township_values = []
    branches = []
    for t in townships:
        county = by_code.get(t.get("parentCode") or "", {}).get("name", "")
        township_values.append({"label": county + t["name"], "value": t["code"]})
        villages = sorted((r for r in regions if r["level"] == "VILLAGE" and r.get("parentCode") == t["code"]),
                          key=lambda r: r["code"])
        items = ", ".join("{label: " + feel_string(v["name"]) + ", value: " + feel_string(v["code"]) + "}"
                          for v in villages)
        branches.append("if township = " + feel_string(t["code"]) + " then [" + items + "]")
    expression = "=" + " else ".join(branches) + (" else []" if branches else "[]")
    return township_values, expression


def patch(node, township_values, expression):
    for c in node.get("components", []):
        if c.get("key") == "township":
            c["values"] = township_values
        if c.get("key") == "regionCode" and c.get("type") == "select":
            c.pop("values", None)
            c["valuesExpression"] = expression
        patch(c, township_values, expression)


def main():
    regions = json.load(open(sys.argv[1], encoding="utf-8"))
    township_values, expression = choices(regions)
    for path in sys.argv[2:]:
        form = json.load(open(path, encoding="utf-8"))
        patch(form, township_values, expression)
        with open(path, "w", encoding="utf-8") as out:
            json.dump(form, out, ensure_ascii=False, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
