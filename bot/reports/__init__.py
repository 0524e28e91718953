"""The follow-up pack (uppföljningspaket): a committee's commitments for its meeting and its auditors.

``data`` collects a report from the database; ``markdown``, ``csv_format``,
``xlsx``, ``docx`` and ``ics`` write it; ``formats`` names them; ``chart``
draws the status chart that the Word file (and the overview to
Kommunstyrelsen) shows.
"""
