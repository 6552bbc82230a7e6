#!/usr/bin/env python3
"""Validates STIX 2.1 bundles against the OASIS STIX 2.1 JSON Schemas, offline.

Each object is checked against the schema of its own type (schemas/sdos/<type>.json, sros/<type>.json,
observables/<type>.json, common/marking-definition.json), and the bundle's own fields against
common/bundle.json: the bundle schema's oneOf cannot be used on whole bundles, since objects such as
opinion and note fall into its "custom object" branch, which they cannot pass (see the README of the
reference data). Then the rules the schemas do not express: "modified" is not earlier than "created",
"last_seen" not earlier than "first_seen", every id is used once, and (with --resolved-refs) every
reference points into the bundle.

Works with python3-jsonschema 4.10 (Debian bookworm: RefResolver) and 4.18+ (the referencing package).

    stix_validate.py --schemas DIR [--resolved-refs] [--expect-invalid] FILE...

Exit status 0 when every file is valid (with --expect-invalid: when every file is rejected), 1 otherwise.
"""

import argparse
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("error: the Python package jsonschema is missing (Debian: apt-get install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(2)


def load_schemas(root):
    schemas = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".json"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    schema = json.load(f)
                schemas[os.path.relpath(path, root).replace(os.sep, "/")] = schema
    return schemas


class Checker:
    def __init__(self, root):
        self.schemas = load_schemas(root)
        self.by_id = {s["$id"]: s for s in self.schemas.values() if "$id" in s}
        cls = jsonschema.Draft202012Validator
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012
            registry = Registry().with_resources(
                (uri, Resource.from_contents(s, default_specification=DRAFT202012)) for uri, s in self.by_id.items())
            self.make = lambda schema: cls(schema, registry=registry)
        except ImportError:  # jsonschema < 4.18
            store = dict(self.by_id)
            self.make = lambda schema: cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
        self.validators = {}

    def validator(self, relpath):
        if relpath not in self.validators:
            self.validators[relpath] = self.make(self.schemas[relpath])
        return self.validators[relpath]

    def schema_for(self, obj):
        t = obj.get("type", "")
        for folder in ("sdos", "sros", "observables", "common"):
            key = f"{folder}/{t}.json"
            if key in self.schemas and key != "common/bundle.json":
                return key
        return "common/core.json"  # a custom object type


def stamp(value):
    # RFC 3339 in UTC as STIX writes it; compare as text after normalising the fraction.
    if not isinstance(value, str) or not value.endswith("Z"):
        return None
    main, _, frac = value[:-1].partition(".")
    return main + "." + (frac + "000000000")[:9]


def check_file(checker, path, resolved_refs):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            bundle = json.load(f)
    except (OSError, ValueError) as e:
        return [f"{path}: not readable JSON: {e}"]
    if not isinstance(bundle, dict):
        return [f"{path}: the top level is not an object"]
    if bundle.get("type") == "bundle":
        outer = {k: v for k, v in bundle.items() if k != "objects"}
        for e in checker.validator("common/bundle.json").iter_errors(outer):
            errors.append(f"{path}: bundle: {e.message}")
        objects = bundle.get("objects", [])
    else:
        objects = [bundle]  # one object on its own, as the OASIS validator's examples are
    if not isinstance(objects, list):
        return errors + [f"{path}: objects is not an array"]
    seen = {}
    for i, obj in enumerate(objects):
        where = f"{path}: objects[{i}]"
        if not isinstance(obj, dict):
            errors.append(f"{where}: not an object")
            continue
        schema = checker.schema_for(obj)
        for e in checker.validator(schema).iter_errors(obj):
            loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
            errors.append(f"{where}{loc}: {e.message[:300]} (schema {schema})")
        created, modified = stamp(obj.get("created")), stamp(obj.get("modified"))
        if created and modified and modified < created:
            errors.append(f"{where}.modified: earlier than created")
        first, last = stamp(obj.get("first_seen")), stamp(obj.get("last_seen"))
        if first and last and last < first:
            errors.append(f"{where}.last_seen: earlier than first_seen")
        oid = obj.get("id")
        if oid in seen:
            errors.append(f"{where}.id: {oid} is also objects[{seen[oid]}]")
        seen[oid] = i
    if resolved_refs:
        for i, obj in enumerate(objects):
            if not isinstance(obj, dict):
                continue
            refs = []
            for key in ("created_by_ref", "source_ref", "target_ref"):
                if key in obj:
                    refs.append((key, obj[key]))
            for key in ("object_refs",):
                for j, r in enumerate(obj.get(key, [])):
                    refs.append((f"{key}[{j}]", r))
            for key, ref in refs:
                if ref not in seen:
                    errors.append(f"{path}: objects[{i}].{key}: {ref} is not in the bundle")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schemas", required=True, help="the folder holding common/, sdos/, sros/, observables/")
    parser.add_argument("--resolved-refs", action="store_true", help="every reference must point into the bundle")
    parser.add_argument("--expect-invalid", action="store_true", help="succeed only when every file is rejected")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    checker = Checker(args.schemas)
    failed = False
    for path in args.files:
        errors = check_file(checker, path, args.resolved_refs)
        if args.expect_invalid:
            if errors:
                print(f"rejected as expected: {path}: {errors[0]}")
            else:
                print(f"error: {path} was accepted but is invalid", file=sys.stderr)
                failed = True
        elif errors:
            failed = True
            for e in errors[:50]:
                print(f"error: {e}", file=sys.stderr)
            if len(errors) > 50:
                print(f"error: … and {len(errors) - 50} more", file=sys.stderr)
        else:
            with open(path, encoding="utf-8") as f:
                count = len(json.load(f).get("objects", [None]))
            print(f"valid: {path} ({count} objects)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
