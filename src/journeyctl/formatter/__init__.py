"""`journeyctl fmt`: maps in one canonical layout, comments and meaning kept."""
