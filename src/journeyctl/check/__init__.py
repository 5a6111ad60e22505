"""The one check service: load, validate, run a command's rules, stamp and suppress findings."""
