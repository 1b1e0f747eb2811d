"""The veterinary knowledge: data files in `data/`, validated at load."""

from twitchcheck.knowledge.loader import (
    CONTRACT_CAUSES,
    CONTRACT_PREVENTION,
    Knowledge,
    KnowledgeError,
    load,
    load_knowledge,
)

__all__ = [
    "CONTRACT_CAUSES",
    "CONTRACT_PREVENTION",
    "Knowledge",
    "KnowledgeError",
    "load",
    "load_knowledge",
]
