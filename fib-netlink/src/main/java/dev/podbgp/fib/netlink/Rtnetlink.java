package dev.podbgp.fib.netlink;

/** Numbers from the Linux uapi headers (netlink.h, rtnetlink.h, nexthop.h) that podbgp uses. */
public final class Rtnetlink {

    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    /** In an NLMSG_ERROR: our request was not echoed beyond its header (NETLINK_CAP_ACK). */
    public static final int NLM_F_CAPPED = 0x100;
    /** In an NLMSG_ERROR: extended-ack attributes follow. */
    public static final int NLM_F_ACK_TLVS = 0x200;
    public static final int NLMSGERR_ATTR_MSG = 1;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWNEXTHOP = 104;
    public static final int RTM_DELNEXTHOP = 105;
    public static final int RTM_GETNEXTHOP = 106;

    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    /** struct ifaddrmsg attributes: IFA_ADDRESS is the peer's on a point-to-point link, IFA_LOCAL ours. */
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;

    public static final int RTA_DST = 1;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_MULTIPATH = 9;
    public static final int RTA_TABLE = 15;
    public static final int RTA_VIA = 18;
    public static final int RTA_NH_ID = 30;

    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;

    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_LINK = 253;
    /** rtm_table for ids that do not fit the octet; RTA_TABLE carries the real one. */
    public static final int RT_TABLE_COMPAT = 252;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RTNH_F_ONLINK = 4;

    public static final int NHA_ID = 1;
    public static final int NHA_GROUP = 2;
    public static final int NHA_BLACKHOLE = 4;
    public static final int NHA_OIF = 5;
    public static final int NHA_GATEWAY = 6;

    public static final int IFLA_IFNAME = 3;
    public static final int IFF_UP = 0x1;
    public static final int IFF_LOWER_UP = 0x10000;

    public static final int RTNLGRP_LINK = 1;
    public static final int RTNLGRP_IPV4_ROUTE = 7;
    public static final int RTNLGRP_IPV6_ROUTE = 11;
    public static final int RTNLGRP_NEXTHOP = 32;

    private Rtnetlink() {}

    /** Netlink pads every message and attribute to four octets. */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
