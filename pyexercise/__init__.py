"""pyex: a rustlings-style trainer for Python interview skills."""

__version__ = "0.1.0"
