"""What a run records about itself and where it is logged."""
