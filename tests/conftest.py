import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CONTRACT = SHARED / "contract"


def _schema(name: str) -> dict:
    path = CONTRACT / name
    if path.exists():
        return json.loads(path.read_text())
    # the contract's schema travels with the project too, for a checkout without shared/
    return json.loads((ROOT / "tests" / "contract" / name).read_text())


CASE_SCHEMA = _schema("case.schema.json")
ASSESSMENT_SCHEMA = _schema("assessment.schema.json")
