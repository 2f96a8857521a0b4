"""Every write the app makes goes through one door: an op.

An op is a function of the library run on the runner's one writer thread (with the
writer's own connection), returning :class:`OpChanges`: what it changed, and the value
the caller wants back. When it is done, the context announces those changes
(``AppContext.changes_applied``) and each view decides from them what to redraw, instead of
every widget sending its own "changed" signal. Anki's ``CollectionOp`` / ``OpChanges`` is
the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .runner import WRITE, Job


@dataclass(frozen=True)
class OpChanges:
    case_ids: frozenset[int] = field(default_factory=frozenset)  # facts or exhibits changed
    case_list: bool = False  # a case was added, trashed or restored
    value: Any = None  # what the op gives back (the updated case, the new exhibit…)

    @classmethod
    def of_case(cls, case_id: int, value: Any = None) -> "OpChanges":
        return cls(frozenset({case_id}), False, value)

    @classmethod
    def of_list(cls, *case_ids: int, value: Any = None) -> "OpChanges":
        return cls(frozenset(case_ids), True, value)

    def touches(self, case_id: int) -> bool:
        return case_id in self.case_ids


def run_op(ctx, name: str, fn: Callable[..., OpChanges], *,
           on_success: Callable[[OpChanges], None] | None = None,
           on_failure: Callable[[BaseException], None] | None = None,
           on_progress: Callable[[float, str, str], None] | None = None,
           long: bool = False) -> Job:
    """Run ``fn(library)`` as a write; views hear of its changes before ``on_success``.

    Writes run in the order they were asked for. An edit is never cancelled (it is short,
    and a lost edit is worse than a late one); a ``long`` write (an import) is called as
    ``fn(library, progress, cancel)`` and can be cancelled. A failure goes to
    ``on_failure``, else to the error presenter.
    """
    def work(progress, cancel):
        lib = ctx.writer_library()
        changes = fn(lib, progress, cancel) if long else fn(lib)
        _note_versions(ctx, lib, changes)
        return changes

    def succeeded(changes: OpChanges) -> None:
        ctx.apply(changes)
        if on_success is not None:
            on_success(changes)

    def failed(exc: BaseException) -> None:
        if on_failure is not None:
            on_failure(exc)
        else:
            ctx.presenter.show(exc)

    return ctx.runner.run(name, work, pool=WRITE, on_success=succeeded, on_failure=failed,
                          on_progress=on_progress, essential=not long)


def _note_versions(ctx, lib, changes: OpChanges) -> None:
    """This desktop's own write moved the versions of the cases it touched: the next edit of
    an open case starts from them (only someone else's newer version refuses it)."""
    from evidencekit.errors import NotFoundError
    versions = getattr(ctx, "versions", None)
    if versions is None or not isinstance(changes, OpChanges):
        return
    for case_id in versions.tracked(changes.case_ids):
        try:
            versions.saved(lib.get_case(case_id))
        except NotFoundError:
            versions.forget(case_id)
