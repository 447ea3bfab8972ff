"""Scoring: metrics, resampling statistics, leaderboard, labeling-function analysis, plots."""
