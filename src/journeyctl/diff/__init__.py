"""Semantic diff of journey maps: items matched by id, changes as data, reporters.

sources (file or REV:PATH) -> load_map -> differ (`diff_maps`) -> changes -> reporters
(text, markdown, json); `gitdriver` speaks git's external diff protocol.
"""
