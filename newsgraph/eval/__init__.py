"""Evaluation readers and metrics for public research data sets."""
