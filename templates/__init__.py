"""Every text a person reads, as Jinja2 templates; `bot.texts` renders them.

Templates only: the filters they use are in `bot.text_filters`. This file makes
the folder a package, so the templates ship inside the installed package and
`importlib.resources` finds them.
"""
