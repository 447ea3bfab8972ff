"""Documents to labelled sentences.

Segmenters, the split and label batch functions, the one engine that runs them into Parquet
shards, the stage cache and worker processes.
"""
