"""Documents to labelled sentences.

Segmenters, the split and label passes, streaming, the stage cache and worker processes.
"""
