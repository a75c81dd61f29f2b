"""Measuring without rendering: Times New Roman widths, line wraps and a page estimate.

``metrics`` gives text widths from the shipped table ``tnr_metrics.json``; ``layout``
breaks a paragraph into printed lines with them and estimates how many pages a
document fills.
"""
