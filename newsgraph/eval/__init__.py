"""Evaluation readers and metrics for public research data sets."""


def f_score(precision: float, recall: float) -> float:
    """F1, the harmonic mean of precision and recall (0 when both are 0): one definition for every eval."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
