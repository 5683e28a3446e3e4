"""Who is on the other end: the one rule for a client's address. Pure: no environment, no Streamlit.

Behind HAProxy every request comes from the proxy's address, so the sign-in throttle per client would hold
everyone together. The proxy appends the address it saw to ``X-Forwarded-For`` (``option forwardfor``); that
header is believed only when the request comes from an address in ``MPP_TRUSTED_PROXY``, and then only its
last entry not itself a trusted proxy: what a client writes into the header itself stands to the left of it.

>>> client_address("127.0.0.1", "10.0.0.7", trusted=("127.0.0.1",))
'10.0.0.7'
>>> client_address("10.0.0.9", "127.0.0.1", trusted=("127.0.0.1",))  # a direct client cannot pose as another
'10.0.0.9'
>>> client_address("127.0.0.1", "6.6.6.6, 10.0.0.7", trusted=("127.0.0.1",))  # the client wrote 6.6.6.6
'10.0.0.7'
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable


def _address(text: str) -> str | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def _trusted(address: str, trusted: Iterable[str]) -> bool:
    ip = ipaddress.ip_address(address)
    for entry in trusted:
        try:
            if ip in ipaddress.ip_network(entry.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(peer: str | None, forwarded_for: str | None, *, trusted: Iterable[str] = ()) -> str | None:
    """The client's address: ``peer`` (the connection's other end), or, when ``peer`` is a trusted proxy
    (an address or a network such as ``10.0.0.0/8``), the right-most ``X-Forwarded-For`` entry that is not a
    trusted proxy. None when nothing is known."""
    trusted = tuple(trusted)
    address = _address(peer) if peer else None
    if address is None or not forwarded_for or not _trusted(address, trusted):
        return address
    for entry in reversed(forwarded_for.split(",")):
        hop = _address(entry)
        if hop is None:
            return address  # a garbled header: keep to what the connection says
        if not _trusted(hop, trusted):
            return hop
    return address
