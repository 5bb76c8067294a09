"""Cuts the real CycloneDX SBOMs of /work/shared/data/sboms (CycloneDX/bom-examples, CC0-1.0) down to
small test fixtures. Kept: metadata, the subject's direct dependencies, then the first components in
document order up to the limit; dependency entries and their dependsOn lists are filtered to the kept
bom-refs. Nothing inside a kept component is changed. Run from this folder: python3 cut.py DATA_DIR"""
import json
import re
import sys

data = sys.argv[1]


def cut_json(name, out, limit):
    doc = json.load(open(f"{data}/{name}"))
    subject = doc["metadata"]["component"].get("bom-ref", "")
    direct = next((d.get("dependsOn", []) for d in doc.get("dependencies", []) if d["ref"] == subject), [])
    keep = set(direct[:limit // 3])
    for c in doc["components"]:
        if len(keep) >= limit:
            break
        keep.add(c["bom-ref"])
    doc["components"] = [c for c in doc["components"] if c["bom-ref"] in keep]
    kept = keep | {subject}
    doc["dependencies"] = [dict(d, dependsOn=[r for r in d.get("dependsOn", []) if r in kept])
                           for d in doc.get("dependencies", []) if d["ref"] in kept]
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def cut_xml(name, out, limit):
    text = open(f"{data}/{name}", encoding="utf-8").read()
    start = text.index("<components>") + len("<components>")
    end = text.index("</components>", start)
    blocks = re.findall(r"\s*<component .*?</component>", text[start:end], re.S)
    kept = blocks[:limit]
    refs = {re.search(r'bom-ref="([^"]*)"', b).group(1) for b in kept}
    body = text[:start] + "".join(kept) + "\n    " + text[end:]
    deps = re.search(r"\s*<dependencies>.*?</dependencies>", body, re.S)
    if deps:
        entries = re.findall(r'<dependency ref="([^"]*)"(?:/>|>(.*?)</dependency>)', deps.group(0), re.S)
        lines = ["\n    <dependencies>"]
        for ref, inner in entries:
            if ref not in refs:
                continue
            targets = [t for t in re.findall(r'<dependency ref="([^"]*)"', inner) if t in refs]
            if targets:
                lines.append(f'\n        <dependency ref="{ref}">')
                lines += [f'\n            <dependency ref="{t}"/>' for t in targets]
                lines.append("\n        </dependency>")
            else:
                lines.append(f'\n        <dependency ref="{ref}"/>')
        lines.append("\n    </dependencies>")
        body = body[:deps.start()] + "".join(lines) + body[deps.end():]
    with open(out, "w", encoding="utf-8") as f:
        f.write(body)


cut_json("proton-bridge_proton-bridge-v1.8.0.bom.json", "proton-bridge-1.8.0-cut.bom.json", 24)
cut_json("laravel-7.12.0_bom.1.4.json", "laravel-7.12.0-cut.bom.1.4.json", 12)
cut_xml("dropwizard-1.3.15_bom.xml", "dropwizard-1.3.15-cut.bom.xml", 12)
cut_xml("protonmail-webclient-v4-0912dff_bom.xml", "protonmail-webclient-v4-cut.bom.xml", 10)
cut_json("dropwizard-1.3.15_bom.json", "dropwizard-1.3.15-cut.bom.json", 12)
