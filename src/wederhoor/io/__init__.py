"""Reading corpora and writing results.

Documents, gold labels, safe outputs, model files and run folders.
"""
