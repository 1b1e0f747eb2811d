"""The assessment engine: pure Python over the knowledge base, no web framework."""

import os

# The engine's matrices are small (a batch weighs 512 cases at a time), so OpenBLAS's
# threads cannot pay for themselves: on a busy machine they spin and take the CPU from the
# engine (a batch ran at half speed). One thread, unless the environment says otherwise;
# this has to come before numpy is first imported, which the engine is the first to do.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from twitchcheck.engine.assess import assess_case  # noqa: E402
from twitchcheck.engine.questions import next_step  # noqa: E402

__all__ = ["assess_case", "next_step"]
