"""Settings: the defaults, a config file found upward, and the command line's rule options."""
