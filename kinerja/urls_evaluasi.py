"""Evaluation: realisation, evidence, rating, curve, objections, inbox, follow-up."""

urlpatterns: list = []
