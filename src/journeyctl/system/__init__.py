"""How journeyctl meets the operating system: atomic writes, worker processes, start and exit."""
