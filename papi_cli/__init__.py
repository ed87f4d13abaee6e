"""papi: a compliance tracker over plain files for provincial PAPI improvement plans."""

__version__ = "0.1.0"
