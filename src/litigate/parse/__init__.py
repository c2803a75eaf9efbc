"""Reading real text: dates, citations, UN document symbols, the Government's observations.

The only home of dateparser.  Nothing here reads the clock: a text without a
full date is an error, never completed from today's date.
"""
