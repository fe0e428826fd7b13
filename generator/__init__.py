"""prep-pack: a personalised preparation pack for a second job interview."""

__version__ = "0.1.0"
