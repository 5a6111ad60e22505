"""The types every layer shares: findings, errors and exit codes, positions, defaults,
and the one text-safety policy. Nothing here imports from the rest of journeyctl."""
