#!/usr/bin/python3
"""Prints, one line per hex NOTIFICATION body (code, subcode, data) on the command line, the JSON
ExaBGP 4.2.21's own encoder gives that message when received from 127.0.0.2 (AS 65002) by
127.0.0.1 (AS 65001): how bgp-core/src/test/resources/exabgp/encoder/notification-*.json are made.
Run with Debian's python3, where the exabgp package lives:
    /usr/bin/python3 scripts/exabgp-notification-json.py 060906020B6D61696E74656E616E6365
"""
import sys

from exabgp.configuration.setup import environment

environment.setup('')

from exabgp.bgp.message.notification import Notification  # noqa: E402  (needs the environment first)
from exabgp.reactor.api.response.json import JSON  # noqa: E402


class Neighbor:
    uid = 1
    local_address = '127.0.0.1'
    peer_address = '127.0.0.2'
    local_as = 65001
    peer_as = 65002


for body in sys.argv[1:]:
    message = Notification.unpack_message(bytes.fromhex(body))
    print(JSON('4.0.1').notification(Neighbor(), 'receive', message, None, b'', b''))
