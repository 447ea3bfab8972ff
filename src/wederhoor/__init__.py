"""wederhoor: find accusations and the denials that answer them in news text."""

__version__ = "0.1.0"

LABELS: tuple[str, ...] = ("accusation", "denial", "neutral")
