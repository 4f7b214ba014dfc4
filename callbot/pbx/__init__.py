"""Where a call enters: Asterisk, over FastAGI and AMI.

The protocols are pure and apart from their I/O: ``agi_protocol.py`` (AGI environment and
result lines, argument quoting) under ``agi.py`` (a call's channel) and ``fastagi.py`` (the
server: script name -> route); ``ami_protocol.py`` (AMI framing) under ``ami.py`` (one
self-healing session). ``queue_state.py`` is the pure model of the operators' queue that
``queue_monitor.py`` keeps in sync over AMI; ``originate.py`` places callbacks and follows
them; ``variables.py`` names every channel variable and context shared with ``dialplan/``.
``audiosocket_protocol.py`` (AudioSocket's messages) under ``audiosocket.py``: each call's
audio, both ways, streamed by Asterisk's AudioSocket application.
May import: ``config``, ``errors``.
"""
