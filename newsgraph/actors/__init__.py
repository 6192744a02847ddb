"""Cross-article actors: one package, one module per job.

- :mod:`~newsgraph.actors.resolve`: per-article entities -> actors (the passes, the conflict rules);
- :mod:`~newsgraph.actors.index`: the index in the store, kept up to date as articles are
  stored (incremental), and the full rebuild (``newsgraph actor resolve``);
- :mod:`~newsgraph.actors.codes`: kind, country and CAMEO-style sector codes from the gazetteer;
- :mod:`~newsgraph.actors.profile`: the one actor profile shape (CLI ``--format json``, API, page),
  listing, lookup, manual merge and split;
- :mod:`~newsgraph.actors.network`: the one definition of the actor network's edges.

Importing this package registers the index on the store's write path, so every process
that stores articles through newsgraph (CLI, API, library code importing ``newsgraph.actors``)
keeps the index current.  Articles stored without it are indexed by
``newsgraph actor resolve --pending``.
"""

from __future__ import annotations

from . import index as _index
from .profile import (
    ActorNotFound,
    ActorProfile,
    ActorRef,
    ActorSummary,
    EventRecord,
    LabelCount,
    LabelRecord,
    OutletLabels,
    QuoteRecord,
    Relation,
    RoleRecord,
    actor_profile,
    actors,
    build_profile,
    decisions,
    find_actor,
    merge,
    resolve,
    split,
)

_index.register()

__all__ = [
    "ActorNotFound", "ActorProfile", "ActorRef", "ActorSummary", "EventRecord", "LabelCount", "LabelRecord",
    "OutletLabels", "QuoteRecord", "Relation", "RoleRecord", "actor_profile", "actors", "build_profile",
    "decisions", "find_actor", "merge", "resolve", "split",
]
