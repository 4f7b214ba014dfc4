"""Chat: a citizen writes to the hotline's Zalo Official Account and a ticket comes out, with
the same questions as the call and the same understanding, routing and emergency handling.

The conversation itself (what is asked, in what order) is :mod:`callbot.dialog.chat_engine`,
pure; Zalo's protocol and HTTP calls are :mod:`callbot.zalo`. Here is what holds them together,
with the database as the only memory, so any node may take any turn and a restart loses
nothing:

- ``webhook.py``       a delivery from Zalo: signature and age checked, stored (the inbox)
- ``inbound.py``       the inbox's worker: one citizen at a time (a lease), in order
- ``conversation.py``  one event applied: photos fetched, the dialog advanced, the ticket made,
                       the replies queued, all written in one transaction
- ``checks.py``        what the dialog asks of callbot (the phone rule, places, triage)
- ``outbound.py``      the outbox's worker: sends in order, retries with backoff, respects
                       the reply window, marks what cannot be sent
- ``tokens.py``        the OA's access token, refreshed before it expires by one node
- ``service.py``       the parts built from the configuration, and their threads

May import what :mod:`callbot.intake` may, and ``dialog`` (the chat's script and engine) and
``zalo`` (Zalo's protocol and client).
"""
