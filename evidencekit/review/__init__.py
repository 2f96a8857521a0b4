"""The review desk's numbers (复盘), Qt-free: the CLI's ``stats`` and the app's 复盘 page."""

from .numbers import BY, Group, Review, build_review, rate, win_rate
from .period import Period, parse_period

__all__ = ["BY", "Group", "Review", "build_review", "rate", "win_rate", "Period", "parse_period"]
