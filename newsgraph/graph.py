"""Moved: cross-article resolution lives in :mod:`newsgraph.actors.resolve` (names, passes),
:mod:`newsgraph.actors.codes` (codes) and :mod:`newsgraph.actors.network` (edges).  This module
only re-exports them for code written against the old path."""

from __future__ import annotations

from .actors.codes import KIND_SECTOR, actor_code, country_code, demonym_country, role_sector
from .actors.network import Edge, actor_edges, entities_in_quote, is_membership
from .actors.resolve import (
    ActorCluster,
    Decision,
    MemberLink,
    Node,
    Resolver,
    acronym_of,
    as_acronym,
    fingerprint,
    first_names_compatible,
    member_key,
    name_tokens,
    nodes_from_analysis,
    nodes_from_entities,
    resolve,
    resolve_analyses,
    skeleton,
)
from .textnorm import fold

__all__ = [
    "KIND_SECTOR", "ActorCluster", "Decision", "Edge", "MemberLink", "Node", "Resolver", "acronym_of", "actor_code",
    "actor_edges", "as_acronym", "country_code", "demonym_country", "entities_in_quote", "fingerprint",
    "first_names_compatible", "fold", "is_membership", "member_key", "name_tokens", "nodes_from_analysis",
    "nodes_from_entities", "resolve", "resolve_analyses", "role_sector", "skeleton",
]
