"""Reconcile what several sources say about one survey: settle open bases, compare values."""

from pipeline.reconcile.reconcile import Reconciled, reconcile

__all__ = ["Reconciled", "reconcile"]
