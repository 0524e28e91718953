"""The routine library: the routines a commitment is about, found whatever you type.

Pure Python over `bot.language`: `search` (an in-memory index) and
`abbreviations` (the field's abbreviations and their expansions).
"""
