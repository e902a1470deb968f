"""Running the DfE's open-source SSDA903 validator (csc-validator-be-903, package lac_validator) on a return."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

RULESETS = {2023: "lac2022_23", 2024: "lac2023_24", 2025: "lac2024_25", 2026: "lac2025_26", 2027: "lac2026_27"}


def validate(directory: Path, year: int, la_code: str = "E10000017") -> list[tuple[str, str, str]]:
    """(rule code, table, child) for every error the validator finds in the files in ``directory``."""
    logging.getLogger("lac_validator").setLevel(logging.WARNING)
    from lac_validator.lac_validator import LacValidator, create_issue_df
    from lac_validator.report import Report
    from lac_validator.utils import process_uploaded_files

    files = [str(directory / name) for name in ("header.csv", "episodes.csv", "oc3.csv") if (directory / name).exists()]
    ruleset = RULESETS.get(year, max(RULESETS.values()))
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    validator = LacValidator(metadata={"collectionYear": str(year), "localAuthority": la_code},
                             files=process_uploaded_files({"This year": files}), registry=registry,
                             selected_rules=None)
    report = Report(validator.ds_results, registry)
    try:
        issues = create_issue_df(report.report, report.error_report)
    except ValueError:  # pandas cannot concatenate an empty list: the validator found nothing
        return []
    if issues is None or len(issues) == 0:
        return []
    return sorted({(str(r["rule_code"]), str(r["tables_affected"]), str(r["child_id"])) for _, r in issues.iterrows()})
