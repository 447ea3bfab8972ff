"""Classifiers and cross-validation splitters."""
