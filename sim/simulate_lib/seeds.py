"""Independent random streams, one per named step, all derived from --seed.

Each step gets its own stream keyed by a name, so that changing how many
numbers one step draws never shifts what another step draws: the same seed
and the same arguments always give the same genome, truth and reads.
"""
import zlib

import numpy as np


def stream(seed, name):
    """A numpy Generator for step `name` under master seed `seed`."""
    key = zlib.crc32(name.encode())
    return np.random.default_rng(np.random.SeedSequence([int(seed), key]))


def int_seed(seed, name):
    """A 31-bit integer seed for an external program (ART), per name."""
    return int(stream(seed, name).integers(1, 2**31 - 1))
