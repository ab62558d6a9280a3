"""Tuyên giáo: work management and reporting for the Party's propaganda and education commissions."""

__version__ = "0.1.0"
