"""Numeric mentions in French text: percents, counts, ratios, fractions, money, dates and more."""

from pipeline.extract.extractor import extract_mentions
from pipeline.extract.mention import Mention
from pipeline.extract.parse import parse_change, parse_in_quote, parse_number

__all__ = ["Mention", "extract_mentions", "parse_change", "parse_in_quote", "parse_number"]
