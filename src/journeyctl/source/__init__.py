"""Reading maps: which files a command names, and a file's bytes to data plus positions."""
