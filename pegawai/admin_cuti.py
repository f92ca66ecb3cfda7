"""Admin of leave, holidays and attendance."""
