"""Where text becomes a ticket's fields: parsers of Vosk transcripts.

Every parser is a pure function of one answer's transcript (lowercase, no punctuation,
numbers as words, fillers, recognition errors) and returns a frozen result with a
``as_dict()`` that is exactly what ``callbot parse KIND TEXT`` prints::

    name.py      parse_name(text)      -> NameResult      {"name": ...}
    phone.py     parse_phone(text)     -> PhoneResult     {"phone": ..., "valid": ...}
    address.py   parse_address(text)   -> AddressResult   {"ward", "district", "house", ...}
    need.py      parse_need(text)      -> NeedResult      {"category", "urgency", "service",
                                                        "reasons", "emergency_reasons"}

``NeedResult.service`` is the number an emergency caller must call ("115" medical, "114" fire
and rescue, "113" police; None when the need is no emergency): the dialog tells it, the ticket
keeps it, and any channel (the web form too) reads it from the same parser.

Shared pieces: ``text.py`` (normalisation, diacritics folding, fillers), ``numbers.py``
(Vietnamese number words), ``gazetteer.py`` (HCMC units, old and 2025, from the
``vietnamadminunits`` package's bundled data, read offline). ``registry.py`` maps a kind to
its parser for the command line, the evaluation and the ticket pipeline.

Each result carries ``confidence`` (0..1): how sure the *parser* is of its reading of the
text. The settle step (``callbot/routing/fields.py``) combines it with the recognizer's word
confidences into a ticket's fields. Pure text in, values out: this package imports nothing
of callbot's but itself.
"""
