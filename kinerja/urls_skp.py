"""Planning: periods, unit targets, SKP, cascade, daily log, feedback, notifications."""

urlpatterns: list = []
