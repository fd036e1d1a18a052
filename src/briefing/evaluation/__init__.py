"""Scoring summaries and topic briefs against summaries people wrote (``briefing evaluate``).

``cases`` reads an evaluation set, ``systems`` produces each method's text for a case,
``rouge`` scores it, ``bootstrap`` says how sure a difference between two methods is, and
``run`` ties them together.
"""
