"""Validates documents with the exported pydantic models and dumps them again.

Usage: check_fixtures.py MODULE_DIR MODULE MANIFEST

The manifest is a JSON list of {"type": "ClassName", "path": "file.json"}. Prints a JSON
list with, for each document, {"ok": true, "output": <dumped JSON>} or
{"ok": false, "error": "..."}. A document is read with ``model_validate_json`` (strict:
unknown keys and wrong JSON types are errors) and written back with
``model_dump(mode="json", by_alias=True, exclude_unset=True)``.
"""

import importlib
import json
import sys
import warnings

from pydantic import TypeAdapter, ValidationError


def main() -> None:
    module_dir, module_name, manifest_path = sys.argv[1:4]
    sys.path.insert(0, module_dir)
    warnings.simplefilter("error")
    module = importlib.import_module(module_name)
    with open(manifest_path, encoding="utf-8") as f:
        entries = json.load(f)
    results = []
    for entry in entries:
        target = getattr(module, entry["type"], None)
        if target is None:
            results.append({"ok": False, "error": "no Python type " + entry["type"]})
            continue
        adapter = TypeAdapter(target)
        with open(entry["path"], encoding="utf-8") as f:
            text = f.read()
        try:
            value = adapter.validate_json(text)
        except ValidationError as e:
            results.append({"ok": False, "error": str(e)})
            continue
        output = adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)
        results.append({"ok": True, "output": output})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
