"""Labelers that assign accusation / denial / neutral stance labels to sentences."""
