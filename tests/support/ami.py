"""A fake Asterisk manager over real TCP: just enough AMI to test the clients against."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

QUEUE = "hotline-1022"


USER = "callbot"


SECRET = "s3cret"


Fields = list[tuple[str, str]]


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


class FakeAmi:
    """Just enough of Asterisk's manager to test a client against."""

    def __init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(0.05)
        self.port: int = self._server.getsockname()[1]
        self.lock = threading.Lock()
        self.members: dict[str, dict[str, int]] = {"PJSIP/op1": {"status": 1, "paused": 0}}
        self.callers: list[str] = []
        self.logins = 0
        self.actions: list[dict[str, list[str]]] = []
        self.unanswered: set[str] = set()  # actions left without an answer
        self.drop_on: set[str] = set()  # actions that make the server hang up
        self._conns: list[socket.socket] = []
        self._muted: set[socket.socket] = set()
        self._send_lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept_loop, daemon=True)]
        self._threads[0].start()

    # -- test controls ---------------------------------------------------------------------

    def set_member(self, interface: str, status: int, paused: int = 0) -> None:
        with self.lock:
            self.members[interface] = {"status": status, "paused": paused}

    def push(self, fields: dict[str, str]) -> None:
        """Send an event to every connected client."""
        data = _wire(list(fields.items()))
        with self.lock:
            conns = list(self._conns)
        for conn in conns:
            with self._send_lock, contextlib.suppress(OSError):
                conn.sendall(data)

    def drop(self) -> None:
        """Hang up every connection (as an Asterisk restart would)."""
        with self.lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def mute(self) -> None:
        """Keep the current connections open but answer nothing on them (a hung peer)."""
        with self.lock:
            self._muted.update(self._conns)

    def action_names(self) -> list[str]:
        with self.lock:
            return [a["Action"][0] for a in self.actions]

    def close(self) -> None:
        self._stop.set()
        self.drop()
        for thread in self._threads:
            thread.join(2)
        self._server.close()

    # -- serving ---------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(0.05)
            with self.lock:
                self._conns.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self._send(conn, b"Asterisk Call Manager/9.0.0\r\n")
            buffer = b""
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                buffer += data
                while b"\r\n\r\n" in buffer:
                    raw, buffer = buffer.split(b"\r\n\r\n", 1)
                    if not self._handle(conn, raw.decode("utf-8")):
                        return
        finally:
            with self.lock:
                self._conns.remove(conn)
                self._muted.discard(conn)
            conn.close()

    def _send(self, conn: socket.socket, data: bytes) -> None:
        with self._send_lock, contextlib.suppress(OSError):
            conn.sendall(data)

    def _handle(self, conn: socket.socket, raw: str) -> bool:
        fields: dict[str, list[str]] = {}
        for line in raw.split("\r\n"):
            key, _, value = line.partition(": ")
            fields.setdefault(key, []).append(value)
        name = fields["Action"][0]
        action_id = fields.get("ActionID", [""])[0]
        with self.lock:
            self.actions.append(fields)
            muted = conn in self._muted
        if muted or name in self.unanswered:
            return True
        if name in self.drop_on:
            return False
        ok: Fields = [("Response", "Success"), ("ActionID", action_id)]
        kind = name.casefold()
        if kind == "login":
            if fields.get("Username") == [USER] and fields.get("Secret") == [SECRET]:
                with self.lock:
                    self.logins += 1
                self._send(conn, _wire([*ok, ("Message", "Authentication accepted")]))
                return True
            error = [("Response", "Error"), ("ActionID", action_id)]
            self._send(conn, _wire([*error, ("Message", "Authentication failed")]))
            return False
        if kind == "ping":
            self._send(conn, _wire([*ok, ("Ping", "Pong"), ("Timestamp", "1764280000.000000")]))
        elif kind == "queuestatus":
            self._send(conn, self._queue_status(action_id, fields.get("Queue", [""])[0]))
        elif kind == "originate":
            self._send(conn, _wire([*ok, ("Message", "Originate successfully queued")]))
            response = [
                ("Event", "OriginateResponse"),
                ("Privilege", "call,all"),
                ("ActionID", action_id),
                ("Response", "Success"),
                ("Channel", fields["Channel"][0]),
                ("Context", ""),
                ("Exten", ""),
                ("Reason", "4"),
                ("Uniqueid", "1764280400.11"),
            ]
            self._send(conn, _wire(response))
        elif kind == "logoff":
            self._send(conn, _wire([("Response", "Goodbye"), ("ActionID", action_id)]))
            return False
        else:
            error = [("Response", "Error"), ("ActionID", action_id)]
            self._send(conn, _wire([*error, ("Message", "Invalid/unknown command")]))
        return True

    def _queue_status(self, action_id: str, queue: str) -> bytes:
        aid = {"ActionID": action_id}
        messages: list[dict[str, str]] = [
            {"Response": "Success", **aid, "EventList": "start"}
            | {"Message": "Queue status will follow"}
        ]
        with self.lock:
            members = dict(self.members)
            callers = list(self.callers)
        if not queue or queue.casefold() == QUEUE.casefold():
            messages.append(
                {
                    "Event": "QueueParams",
                    "Queue": QUEUE,
                    "Max": "0",
                    "Strategy": "rrmemory",
                    "Calls": str(len(callers)),
                    "Holdtime": "0",
                    "TalkTime": "0",
                    "Completed": "0",
                    "Abandoned": "0",
                    "ServiceLevel": "0",
                    "ServicelevelPerf": "0.0",
                    "ServicelevelPerf2": "0.0",
                    "Weight": "0",
                    **aid,
                }
            )
            for interface, member in members.items():
                messages.append(
                    {
                        "Event": "QueueMember",
                        "Queue": QUEUE,
                        "Name": interface[-3:],
                        "Location": interface,
                        "StateInterface": interface,
                        "Membership": "static",
                        "Penalty": "0",
                        "CallsTaken": "0",
                        "LastCall": "0",
                        "LastPause": "0",
                        "LoginTime": "1764280000",
                        "InCall": "0",
                        "Status": str(member["status"]),
                        "Paused": str(member["paused"]),
                        "PausedReason": "",
                        "Wrapuptime": "0",
                        **aid,
                    }
                )
            for position, uniqueid in enumerate(callers, start=1):
                messages.append(
                    {
                        "Event": "QueueEntry",
                        "Queue": QUEUE,
                        "Position": str(position),
                        "Channel": f"PJSIP/trunk-{position}",
                        "Uniqueid": uniqueid,
                        "CallerIDNum": "0909123456",
                        "CallerIDName": "unknown",
                        "ConnectedLineNum": "unknown",
                        "ConnectedLineName": "unknown",
                        "Wait": "12",
                        "Priority": "0",
                        **aid,
                    }
                )
        items = len(messages) - 1
        messages.append(
            {"Event": "QueueStatusComplete", **aid, "EventList": "Complete"}
            | {"ListItems": str(items)}
        )
        return b"".join(_wire(list(m.items())) for m in messages)


def _wire(fields: Fields) -> bytes:
    return "".join(f"{k}: {v}\r\n" for k, v in fields).encode("utf-8") + b"\r\n"
