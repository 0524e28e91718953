"""The Swedish language core: dates and periods, rhythms, working days, normalisation.

Pure Python: nothing here imports Slack, the database or the rest of the bot.
Entry points: `periods` (parse_deadline, find_deadlines, parse_recurrence),
`recurrence`, `rrule_text` (a rule's parts: rhythm_of), `workdays`, `normalize` (fold, tokens, fold_dnr,
find_dnr, repair_ocr), `stemming` (Snowball Swedish stems, stop words),
`compounds` (splitting compounds into known parts) and `personnummer`.
"""
