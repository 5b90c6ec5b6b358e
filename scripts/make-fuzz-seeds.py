#!/usr/bin/env python3
"""Writes the Jazzer seed corpus of bgp-core's UPDATE and attribute-section fuzz tests.

Each seed is one capability octet (bit 0: 4-octet AS, bit 1: ADD-PATH receive ipv4 unicast,
bit 2: ADD-PATH receive ipv6 unicast, bit 3: extended message, bit 4: extended next hop for
ipv4 unicast) followed by a whole BGP
UPDATE message (UpdateFuzzTest) or by the attribute section of that UPDATE
(PathAttributesFuzzTest). The messages follow RFC 4271 §4.3, RFC 4760, RFC 2545, RFC 6793,
RFC 7911, RFC 4724 and RFC 8950 layouts; `exabgp --decode` reads each message the same way.
Run from the repository root: scripts/make-fuzz-seeds.py
"""
import ipaddress
import os
import struct

RES = "bgp-core/src/test/resources/dev/podbgp/bgp/wire"
UPDATE_DIR = f"{RES}/message/UpdateFuzzTestInputs/updateMessage"
ATTR_DIR = f"{RES}/attr/PathAttributesFuzzTestInputs/attributeSection"

AS4, AP4, AP6, ENH = 0x01, 0x02, 0x04, 0x10


def attr(flags, code, value):
    if len(value) > 255:
        return bytes([flags | 0x10, code]) + struct.pack("!H", len(value)) + value
    return bytes([flags, code, len(value)]) + value


def origin(v=0):
    return attr(0x40, 1, bytes([v]))


def as_path(asns, four=True, seg_type=2, code=2, flags=0x40):
    fmt = "!I" if four else "!H"
    return attr(flags, code, bytes([seg_type, len(asns)]) + b"".join(struct.pack(fmt, a) for a in asns))


def next_hop(ip):
    return attr(0x40, 3, ipaddress.IPv4Address(ip).packed)


def med(v):
    return attr(0x80, 4, struct.pack("!I", v))


def local_pref(v):
    return attr(0x40, 5, struct.pack("!I", v))


def communities(*pairs):
    return attr(0xC0, 8, b"".join(struct.pack("!HH", a, b) for a, b in pairs))


def prefix(text, path_id=None):
    net = ipaddress.ip_network(text)
    octets = (net.prefixlen + 7) // 8
    entry = bytes([net.prefixlen]) + net.network_address.packed[:octets]
    return (struct.pack("!I", path_id) if path_id is not None else b"") + entry


def mp_reach(afi, nh, nlri):
    return attr(0x80, 14, struct.pack("!HBB", afi, 1, len(nh)) + nh + b"\x00" + nlri)


def mp_unreach(afi, nlri):
    return attr(0x80, 15, struct.pack("!HB", afi, 1) + nlri)


def v6(text):
    return ipaddress.IPv6Address(text).packed


def update(withdrawn=b"", attrs=b"", nlri=b""):
    body = struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attrs)) + attrs + nlri
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(body), 2) + body, attrs


SEEDS = {
    # A typical eBGP announcement from a 4-octet AS ToR.
    "ipv4-next-hop": (AS4, update(
        attrs=origin() + as_path([65001, 65002, 4200000001]) + next_hop("192.0.2.1") + med(100),
        nlri=prefix("10.1.0.0/24") + prefix("10.2.0.0/16") + prefix("10.3.4.0/22") + prefix("0.0.0.0/0"))),
    # The same from an old speaker: 2-octet AS_PATH.
    "ipv4-next-hop-2-octet-as": (0, update(
        attrs=origin(2) + as_path([65001, 65002], four=False) + next_hop("192.0.2.1") + local_pref(200),
        nlri=prefix("10.244.1.0/24") + prefix("192.0.2.128/25"))),
    # RFC 2545 §3: IPv6 next hop global + link-local (32 octets).
    "ipv6-mp-reach-link-local": (AS4, update(
        attrs=origin() + as_path([65001]) + mp_reach(2, v6("2001:db8::1") + v6("fe80::1"),
                                                    prefix("2001:db8:1::/48") + prefix("2001:db8:2:3::/64")))),
    "ipv6-mp-reach-global": (AS4, update(
        attrs=origin() + as_path([65001, 65010]) + med(0) + mp_reach(2, v6("2001:db8::2"), prefix("fd00:10:244::/56")))),
    # RFC 8950: IPv4 NLRI with an IPv6 next hop, in a session that negotiated it (§4).
    "ipv4-mp-reach-ipv6-next-hop": (AS4 | ENH, update(
        attrs=origin() + as_path([65001]) + mp_reach(1, v6("2001:db8::3"), prefix("10.5.0.0/24")))),
    "ipv4-withdraw": (AS4, update(withdrawn=prefix("10.1.0.0/24") + prefix("10.2.0.0/16") + prefix("10.9.9.9/32"))),
    "ipv6-withdraw": (AS4, update(attrs=mp_unreach(2, prefix("2001:db8:1::/48") + prefix("::/0")))),
    # RFC 4724 §2: End-of-RIB markers.
    "end-of-rib-ipv4": (AS4, update()),
    "end-of-rib-ipv6": (AS4, update(attrs=mp_unreach(2, b""))),
    "communities": (AS4, update(
        attrs=origin() + as_path([65001, 65002]) + next_hop("198.51.100.7") + local_pref(100)
        + communities((65001, 100), (65535, 65281), (0, 666))
        + attr(0xC0, 16, bytes([0x00, 0x02]) + struct.pack("!HI", 65001, 42) + bytes([0x02, 0x02]) + struct.pack("!IH", 4200000001, 7))
        + attr(0xC0, 32, struct.pack("!III", 4200000001, 1, 2) + struct.pack("!III", 65001, 3, 4)),
        nlri=prefix("10.20.0.0/24"))),
    # RFC 6793 §4.2.2: a NEW speaker's path through an OLD session.
    "as4-path-on-2-octet-session": (0, update(
        attrs=origin() + as_path([65001, 23456, 23456], four=False) + next_hop("192.0.2.9")
        + attr(0xC0, 7, struct.pack("!H", 23456) + ipaddress.IPv4Address("192.0.2.9").packed)
        + as_path([4200000001, 4200000002], four=True, code=17, flags=0xC0)
        + attr(0xC0, 18, struct.pack("!I", 4200000002) + ipaddress.IPv4Address("192.0.2.9").packed),
        nlri=prefix("10.30.0.0/24"))),
    # RFC 7911: path identifiers before each IPv4 entry, withdrawn and announced.
    "add-path-ipv4": (AS4 | AP4, update(
        withdrawn=prefix("10.40.0.0/24", 7),
        attrs=origin() + as_path([65001]) + next_hop("192.0.2.1"),
        nlri=prefix("10.41.0.0/24", 1) + prefix("10.41.0.0/24", 2))),
    "add-path-ipv6": (AS4 | AP6, update(
        attrs=origin() + as_path([65001]) + mp_reach(2, v6("2001:db8::1"), prefix("2001:db8:41::/48", 1) + prefix("2001:db8:41::/48", 2))
        + mp_unreach(2, prefix("2001:db8:40::/48", 9)))),
    # Route reflection and aggregation attributes (RFC 4456, RFC 4271 §5.1.6-7).
    "route-reflector": (AS4, update(
        attrs=origin(1) + as_path([65001, 65002], seg_type=2) + next_hop("10.0.0.1") + local_pref(150)
        + attr(0x40, 6, b"") + attr(0xC0, 7, struct.pack("!I", 4200000001) + ipaddress.IPv4Address("10.0.0.1").packed)
        + attr(0x80, 9, ipaddress.IPv4Address("10.0.0.2").packed) + attr(0x80, 10, ipaddress.IPv4Address("10.0.0.3").packed * 2),
        nlri=prefix("10.50.0.0/20"))),
    # An AS_SET and a confederation segment, an unknown optional transitive attribute, and an
    # attribute sent with the extended-length bit although it is short.
    "as-set-confed-unknown-attribute": (AS4, update(
        attrs=origin() + attr(0x40, 2, bytes([3, 1]) + struct.pack("!I", 64512) + bytes([2, 1]) + struct.pack("!I", 65001)
                              + bytes([1, 2]) + struct.pack("!II", 65100, 65101))
        + next_hop("192.0.2.1") + bytes([0xD0, 8, 0, 4]) + struct.pack("!HH", 65001, 1) + attr(0xC0, 99, b"\x01\x02\x03"),
        nlri=prefix("10.60.0.0/24"))),
    # RFC 7606 §7.1: an ORIGIN of 5 is treat-as-withdraw.
    "bad-origin-treat-as-withdraw": (AS4, update(
        attrs=origin(5) + as_path([65001]) + next_hop("192.0.2.1"), nlri=prefix("10.70.0.0/24"))),
    # Withdrawals, IPv4 NLRI, MP_REACH and MP_UNREACH in one UPDATE, with a 300-AS path that needs
    # an extended-length AS_PATH and two segments.
    "mixed-long-path": (AS4, update(
        withdrawn=prefix("10.80.0.0/24"),
        attrs=origin() + attr(0x40, 2, bytes([2, 255]) + b"".join(struct.pack("!I", 4200000000 + i) for i in range(255))
                              + bytes([2, 45]) + b"".join(struct.pack("!I", 65000 + i) for i in range(45)))
        + next_hop("192.0.2.1") + mp_reach(2, v6("2001:db8::1"), prefix("2001:db8:80::/48"))
        + mp_unreach(2, prefix("2001:db8:81::/48")),
        nlri=prefix("10.81.0.0/24"))),
}


def main():
    for d in (UPDATE_DIR, ATTR_DIR):
        os.makedirs(d, exist_ok=True)
    for name, (caps, (message, attrs)) in SEEDS.items():
        with open(f"{UPDATE_DIR}/{name}", "wb") as f:
            f.write(bytes([caps]) + message)
        if attrs:
            with open(f"{ATTR_DIR}/{name}", "wb") as f:
                f.write(bytes([caps]) + attrs)
        print(name, message.hex())


if __name__ == "__main__":
    main()
