"""The manifest: a JSON record of the case and every original's hash, embedded in the bundle."""

from __future__ import annotations

import hashlib
import json

from .. import __version__
from ..timeutil import to_iso
from .plan import ExportPlan

FORMAT = "evidencekit-manifest"
VERSION = 1
NAME = "manifest.json"


def original_name(label: str, source_name: str) -> str:
    """Attachment name of an embedded original (archive profile)."""
    safe = "".join(ch if ch not in '/\\:*?"<>|' else "_" for ch in source_name) or "file"
    return f"{label}_{safe}"


def build_manifest(plan: ExportPlan, mask, pages: list[int],
                   page_images: frozenset[str] | set[str] = frozenset()) -> bytes:
    """``pages``: the page count of each output file. The files are listed by part, never
    by name: renaming a bundle must not change its content (nor break its seal).
    ``page_images``: labels of the exhibits whose original is their page image, whole."""
    embedded = plan.embeds_originals
    case = plan.source.case
    case_facts = {
        "case_no": case.case_no, "platform": case.platform, "dispute_type": case.dispute_type,
        "order_no": case.order_no, "after_sale_no": case.after_sale_no,
        "buyer_name": plan.masker.name(case.buyer_name),
        "buyer_phone": mask(case.buyer_phone), "amount": case.amount,
        "store_name": plan.source.store_name or case.store_name, "product": case.product,
        "judgment_ref": case.judgment_ref,
    }
    for key in ("request_at", "intervention_at", "judgment_at", "shipped_at"):
        case_facts[key] = to_iso(getattr(case, key))
    data = {
        "format": FORMAT, "version": VERSION,
        "generator": plan.source.generator or f"EvidenceKit {__version__}",
        "generated_at": to_iso(plan.now), "zone": str(plan.zone),
        "bundle_id": plan.bundle_id, "mode": plan.mode, "profile": plan.profile.name,
        "audience": plan.audience, "masked": plan.mask,
        "files": [{"part": k, "pages": n} for k, n in enumerate(pages, start=1)], "case": case_facts,
        "originals_embedded": embedded,
        "exhibits": [{
            "label": pe.label, "kind": pe.exhibit.kind, "source_name": pe.exhibit.source_name,
            "sha256": pe.exhibit.sha256, "size": pe.exhibit.size,
            "added_at": to_iso(pe.exhibit.added_at), "caption": pe.exhibit.caption,
            "is_new": pe.exhibit.is_new,
            "attachment": original_name(pe.label, pe.exhibit.source_name)
            if embedded and pe.label not in page_images else None,
            **({"page_image": True} if embedded and pe.label in page_images else {}),
        } for pe in plan.exhibits],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
