"""The client's address: one rule for the sign-in throttle, behind HAProxy or not (issue 22)."""

from __future__ import annotations

import pytest

from mpp_data.access.clients import client_address

PROXY = ("127.0.0.1",)


def test_behind_a_trusted_proxy_two_clients_are_told_apart():
    assert client_address("127.0.0.1", "10.0.0.7", trusted=PROXY) == "10.0.0.7"
    assert client_address("127.0.0.1", "10.0.0.8", trusted=PROXY) == "10.0.0.8"


@pytest.mark.parametrize("forged", ["127.0.0.1", "10.0.0.7", "10.0.0.7, 127.0.0.1", "nonsense"])
def test_a_direct_client_cannot_pose_as_another_with_x_forwarded_for(forged):
    assert client_address("192.0.2.9", forged, trusted=PROXY) == "192.0.2.9"
    assert client_address("127.0.0.1", forged, trusted=()) == "127.0.0.1"  # no proxy named: nobody believed


def test_only_the_entry_the_proxy_added_counts_not_what_the_client_wrote_before_it():
    # HAProxy appends the address it saw: a client's own header stands to the left of it
    assert client_address("127.0.0.1", "6.6.6.6, 10.0.0.7", trusted=PROXY) == "10.0.0.7"
    assert client_address("127.0.0.1", "6.6.6.6, 10.0.0.7, 10.1.2.3", trusted=("127.0.0.1", "10.1.0.0/16")) == (
        "10.0.0.7"
    )


def test_a_garbled_header_or_an_unknown_peer_falls_back_to_what_the_connection_says():
    assert client_address("127.0.0.1", "10.0.0.7, garbage", trusted=PROXY) == "127.0.0.1"
    assert client_address(None, "10.0.0.7", trusted=PROXY) is None
    assert client_address("::1", "2001:db8::5", trusted=("::1",)) == "2001:db8::5"
