"""The assessment engine: pure Python over the knowledge base, no web framework."""

from twitchcheck.engine.assess import assess_case
from twitchcheck.engine.questions import next_step

__all__ = ["assess_case", "next_step"]
