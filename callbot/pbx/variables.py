"""Channel variables and dialplan names shared with ``dialplan/`` (one constant each).

A test checks that every constant here appears in the dialplan files, so the Python side
and the dialplan cannot drift apart silently (as in wazo-agid's dialplan_variables).
"""

from __future__ import annotations

# Set by the route and callbot scripts: where the call goes next.
DESTINATION = "CALLBOT_DESTINATION"
DEST_CALLBOT = "callbot"  # the route script sends the caller to the callbot
DEST_QUEUE = "queue"  # to the operators' queue (route decision, or 0 pressed in the callbot)
DEST_DONE = "done"  # the callbot finished the dialog; the dialplan hangs up

ROUTE_REASON = "CALLBOT_ROUTE_REASON"
# Several nodes: the callbot script sets this first (its node's id); [callbot-agi] then never
# tries another node for this call's callbot: a node that dies mid-call sends it to the queue.
NODE = "CALLBOT_NODE"
AGI_NODES = "CALLBOT_AGI_NODES"  # the nodes' FastAGI addresses, '&' between them
AGI_FIRST = "CALLBOT_AGI_FIRST"  # the node that answered this call first (its place)
AGI_WAITED = "CALLBOT_AGI_WAITED"  # ms spent on nodes that did not take the call, before this
CONTEXT_AGI = "callbot-agi"  # subroutine: run a FastAGI script on a node that answers
TICKET = "CALLBOT_TICKET"
FROM_QUEUE = "CALLBOT_FROM_QUEUE"
MENU_TRIES = "CALLBOT_MENU_TRIES"
CID_RAW = "CALLBOT_CID_RAW"  # base64(name):base64(number), set before anything else
EMERGENCY = "CALLBOT_EMERGENCY"  # 1: the callbot recognised an emergency (queue at the head)
# Asterisk's own: a caller's priority in Queue() (higher first); emergencies get this one.
QUEUE_PRIO = "QUEUE_PRIO"
QUEUE_PRIO_EMERGENCY = "10"

# Callbacks: set on the operator's channel (by the console's Originate, or the phone service)
# before [callbot-callback-dial] dials the citizen.
CALLBACK_NUMBER = "CALLBOT_CALLBACK_NUMBER"  # the citizen's number, validated
CALLBACK_ID = "CALLBOT_CALLBACK_ID"  # correlation id (hex), in the CallbotCallback events
CALLBACK_CID = "CALLBOT_CALLBACK_CID"  # the caller ID the citizen sees
CALLBACK_RING = "CALLBOT_CALLBACK_RING"  # seconds the citizen's phone rings
USER_EVENT_CALLBACK = "CallbotCallback"  # UserEvent name of a callback's progress
DIALSTATUS = "DIALSTATUS"  # Asterisk's own, after Dial
HANGUPCAUSE = "HANGUPCAUSE"

# FastAGI script names (== module names under callbot/calls/).
SCRIPT_ROUTE = "route"
SCRIPT_CALLBOT = "callbot"
SCRIPT_SERVICE = "service"

# Dialplan contexts.
CONTEXT_ENTRY = "callbot-entry"
CONTEXT_ROUTE = "callbot-route"
CONTEXT_QUEUE = "callbot-queue"
CONTEXT_BOT = "callbot-bot"
CONTEXT_CALLBACK = "callbot-callback"  # the console's Originate lands here (callback.context)
CONTEXT_CALLBACK_DIAL = "callbot-callback-dial"  # subroutine: dial the citizen
CONTEXT_SERVICE = "callbot-service"  # the operators' phone service

ALL = (
    DESTINATION,
    ROUTE_REASON,
    NODE,
    AGI_NODES,
    AGI_FIRST,
    AGI_WAITED,
    CONTEXT_AGI,
    TICKET,
    FROM_QUEUE,
    MENU_TRIES,
    CID_RAW,
    EMERGENCY,
    QUEUE_PRIO,
    CONTEXT_ENTRY,
    CONTEXT_ROUTE,
    CONTEXT_QUEUE,
    CONTEXT_BOT,
    CALLBACK_NUMBER,
    CALLBACK_ID,
    CALLBACK_CID,
    CALLBACK_RING,
    USER_EVENT_CALLBACK,
    DIALSTATUS,
    HANGUPCAUSE,
    CONTEXT_CALLBACK,
    CONTEXT_CALLBACK_DIAL,
    CONTEXT_SERVICE,
)
