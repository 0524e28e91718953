"""``atagande``, the command line: the bot's processes, the database, documents, reports and the routine
library (``main`` holds the entry point)."""
