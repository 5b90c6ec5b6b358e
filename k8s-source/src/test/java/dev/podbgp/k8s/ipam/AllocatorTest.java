package dev.podbgp.k8s.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.k8s.ipam.Decision.Reason;
import dev.podbgp.k8s.mapping.LabelMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    private static final List<AddressFamily> V4 = List.of(AddressFamily.IPV4);
    private static final List<AddressFamily> DUAL = List.of(AddressFamily.IPV4, AddressFamily.IPV6);

    private static AddressPool pool(String name, String... ranges) {
        return new AddressPool(name, Arrays.stream(ranges).map(AddressRange::parse).toList(), false,
                LabelMatcher.EVERYTHING, LabelMatcher.EVERYTHING);
    }

    private static ServiceRequest svc(String key, List<AddressFamily> families, String... requested) {
        return new ServiceRequest(key, Map.of(), Map.of(), families, true,
                Arrays.stream(requested).map(IpAddress::parse).toList(), Optional.empty());
    }

    private static List<String> ips(Decision d) {
        return d.addresses().stream().map(Object::toString).toList();
    }

    private static Reason refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).problem().reason();
    }

    @Test
    void firstFreeAddressInPoolOrderAndAnotherForTheNextService() {
        Allocator a = new Allocator(List.of(pool("b", "198.51.100.0/30"), pool("a", "192.0.2.10-192.0.2.11")));
        assertThat(ips(a.assign(svc("ns/one", V4)))).containsExactly("192.0.2.10");
        assertThat(ips(a.assign(svc("ns/two", V4)))).containsExactly("192.0.2.11");
        assertThat(ips(a.assign(svc("ns/three", V4)))).containsExactly("198.51.100.0");
        // Asking again changes nothing.
        assertThat(ips(a.assign(svc("ns/one", V4)))).containsExactly("192.0.2.10");
    }

    @Test
    void avoidBuggyIpsSkipsDotZeroAndDotTwoFiftyFive() {
        AddressPool p = new AddressPool("p", List.of(AddressRange.parse("192.0.2.255-192.0.3.1")), true,
                LabelMatcher.EVERYTHING, LabelMatcher.EVERYTHING);
        Allocator a = new Allocator(List.of(p));
        assertThat(ips(a.assign(svc("ns/one", V4)))).containsExactly("192.0.3.1");
        assertThat(a.usage(p)).isEqualTo(new PoolUsage(1, 0, 0, 0));
        assertThat(refusal(a.assign(svc("ns/two", V4)))).isEqualTo(Reason.PoolExhausted);
    }

    @Test
    void requestedAddressIsGivenAndRefusedWhenInUseOrOutsideEveryPool() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/29")));
        assertThat(ips(a.assign(svc("ns/one", V4, "192.0.2.5")))).containsExactly("192.0.2.5");
        Decision inUse = a.assign(svc("ns/two", V4, "192.0.2.5"));
        assertThat(refusal(inUse)).isEqualTo(Reason.AddressInUse);
        assertThat(((Decision.Refused) inUse).problem().message()).contains("ns/one");
        assertThat(refusal(a.assign(svc("ns/two", V4, "203.0.113.1")))).isEqualTo(Reason.AddressOutsidePools);
        assertThat(a.addressesOf("ns/two")).isEmpty();
        // First-free never hands out the requested one.
        assertThat(ips(a.assign(svc("ns/three", V4)))).containsExactly("192.0.2.0");
    }

    @Test
    void changingTheRequestedAddressMovesTheServiceAndFreesTheOldOne() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        a.assign(svc("ns/one", V4));
        assertThat(ips(a.assign(svc("ns/one", V4, "192.0.2.3")))).containsExactly("192.0.2.3");
        assertThat(ips(a.assign(svc("ns/two", V4)))).containsExactly("192.0.2.0");
    }

    @Test
    void oneAddressPerFamilyAsked() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30", "2001:db8::/126")));
        assertThat(ips(a.assign(svc("ns/dual", DUAL)))).containsExactly("192.0.2.0", "2001:db8::");
        assertThat(ips(a.assign(svc("ns/v6", List.of(AddressFamily.IPV6))))).containsExactly("2001:db8::1");
        assertThat(ips(a.assign(svc("ns/dual2", List.of(AddressFamily.IPV6, AddressFamily.IPV4), "2001:db8::3"))))
                .containsExactly("2001:db8::3", "192.0.2.1");
        assertThat(refusal(a.assign(svc("ns/bad", V4, "2001:db8::2")))).isEqualTo(Reason.InvalidRequest);
        assertThat(refusal(a.assign(svc("ns/bad", DUAL, "192.0.2.2", "192.0.2.3")))).isEqualTo(Reason.InvalidRequest);
    }

    @Test
    void requireDualStackIsAllOrNothingPreferDualStackTakesWhatThereIs() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        assertThat(refusal(a.assign(svc("ns/required", DUAL)))).isEqualTo(Reason.NoMatchingPool);
        assertThat(a.addressesOf("ns/required")).isEmpty();
        ServiceRequest preferred = new ServiceRequest("ns/preferred", Map.of(), Map.of(), DUAL, false, List.of(), Optional.empty());
        Decision d = a.assign(preferred);
        assertThat(ips(d)).containsExactly("192.0.2.0");
        assertThat(((Decision.Assigned) d).problems()).extracting(Decision.Problem::reason).containsExactly(Reason.NoMatchingPool);
    }

    @Test
    void exhaustionIsARefusalAndReleaseMakesRoom() {
        AddressPool p = pool("p", "192.0.2.0/31");
        Allocator a = new Allocator(List.of(p));
        a.assign(svc("ns/one", V4));
        a.assign(svc("ns/two", V4));
        assertThat(a.usage(p).exhausted()).isTrue();
        Decision full = a.assign(svc("ns/three", V4));
        assertThat(refusal(full)).isEqualTo(Reason.PoolExhausted);
        assertThat(((Decision.Refused) full).problem().message()).contains("[p]");
        a.release("ns/one");
        assertThat(ips(a.assign(svc("ns/three", V4)))).containsExactly("192.0.2.0");
    }

    @Test
    void rebuildFromStatusesKeepsEveryAddressWhereItWas() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        assertThat(a.claim("ns/two", Sharing.NONE, List.of(IpAddress.parse("192.0.2.0")))).isEmpty();
        assertThat(a.claim("ns/one", Sharing.NONE, List.of(IpAddress.parse("192.0.2.2")))).isEmpty();
        assertThat(ips(a.assign(svc("ns/one", V4)))).containsExactly("192.0.2.2");
        assertThat(ips(a.assign(svc("ns/two", V4)))).containsExactly("192.0.2.0");
        assertThat(ips(a.assign(svc("ns/three", V4)))).containsExactly("192.0.2.1");
    }

    @Test
    void aDuplicateInTheStatusesIsNotClaimedTwice() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        a.claim("ns/old", Sharing.NONE, List.of(IpAddress.parse("192.0.2.1")));
        assertThat(a.claim("ns/copy", Sharing.NONE, List.of(IpAddress.parse("192.0.2.1")))).extracting(Object::toString).containsExactly("192.0.2.1");
        assertThat(a.addressesOf("ns/copy")).isEmpty();
        assertThat(ips(a.assign(svc("ns/copy", V4)))).containsExactly("192.0.2.0");
    }

    @Test
    void aShrunkPoolLeavesTheAddressWhereItIsAndSaysSo() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        a.assign(svc("ns/one", V4));
        a.assign(svc("ns/two", V4));
        a.setPools(List.of(pool("p", "192.0.2.1/32")));
        Decision d = a.assign(svc("ns/one", V4));
        assertThat(ips(d)).containsExactly("192.0.2.0");
        assertThat(((Decision.Assigned) d).problems()).extracting(Decision.Problem::reason)
                .containsExactly(Reason.AddressNoLongerInPool);
        // Nobody else gets it either, even with no pool at all.
        a.setPools(List.of());
        assertThat(ips(a.assign(svc("ns/one", V4)))).containsExactly("192.0.2.0");
        assertThat(ips(a.assign(svc("ns/two", V4)))).containsExactly("192.0.2.1");
    }

    @Test
    void selectorsAndTheNamedPoolChooseThePool() {
        LabelMatcher web = new LabelMatcher(Map.of("tier", "web"), List.of());
        LabelMatcher prod = new LabelMatcher(Map.of(), List.of(
                new LabelMatcher.Requirement("env", LabelMatcher.Operator.IN, Set.of("prod"))));
        AddressPool webPool = new AddressPool("a-web", List.of(AddressRange.parse("192.0.2.0/32")), false, web, prod);
        AddressPool general = pool("b-general", "198.51.100.0/32");
        Allocator a = new Allocator(List.of(general, webPool));
        ServiceRequest webProd = new ServiceRequest("prod/web", Map.of("tier", "web"), Map.of("env", "prod"), V4, true,
                List.of(), Optional.empty());
        ServiceRequest webDev = new ServiceRequest("dev/web", Map.of("tier", "web"), Map.of("env", "dev"), V4, true,
                List.of(), Optional.empty());
        assertThat(ips(a.assign(webDev))).containsExactly("198.51.100.0");
        assertThat(ips(a.assign(webProd))).containsExactly("192.0.2.0");
        ServiceRequest pinned = new ServiceRequest("prod/other", Map.of("tier", "web"), Map.of("env", "prod"), V4, true,
                List.of(), Optional.of("a-web"));
        assertThat(refusal(a.assign(pinned))).isEqualTo(Reason.PoolExhausted);
    }

    private static ServiceRequest sharing(String key, String sharingKey, String... ports) {
        return new ServiceRequest(key, Map.of(), Map.of(), V4, true, List.of(), Optional.empty(),
                new Sharing(Optional.of(sharingKey), Set.of(ports)));
    }

    @Test
    void servicesWithOneSharingKeyAndDisjointPortsShareAnAddress() {
        AddressPool p = pool("p", "192.0.2.0/30");
        Allocator a = new Allocator(List.of(p));
        assertThat(ips(a.assign(sharing("ns/http", "web", "TCP/80")))).containsExactly("192.0.2.0");
        assertThat(ips(a.assign(sharing("ns/https", "web", "TCP/443")))).containsExactly("192.0.2.0");
        assertThat(ips(a.assign(sharing("ns/http2", "web", "TCP/80")))).as("port 80 is taken there").containsExactly("192.0.2.1");
        assertThat(ips(a.assign(sharing("ns/dns", "other", "UDP/53")))).as("another key").containsExactly("192.0.2.2");
        assertThat(ips(a.assign(svc("ns/plain", V4)))).containsExactly("192.0.2.3");
        assertThat(a.holdersOf(IpAddress.parse("192.0.2.0"))).containsExactly("ns/http", "ns/https");
        assertThat(a.usage(p).allocatedIpv4()).as("addresses, not Services").isEqualTo(4);
        // A Service without the key may not join, even on a free port.
        Decision d = a.assign(svc("ns/intruder", V4, "192.0.2.0"));
        assertThat(refusal(d)).isEqualTo(Reason.AddressInUse);
        assertThat(((Decision.Refused) d).problem().message()).contains("ns/http, ns/https");
        // Released only when the last holder goes.
        a.release("ns/http");
        assertThat(a.usage(p).allocatedIpv4()).isEqualTo(4);
        a.release("ns/https");
        assertThat(ips(a.assign(svc("ns/intruder", V4, "192.0.2.0")))).containsExactly("192.0.2.0");
    }

    @Test
    void aRequestedSharedAddressNeedsTheKeyAndFreePorts() {
        Allocator a = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        a.assign(sharing("ns/http", "web", "TCP/80"));
        ServiceRequest clash = new ServiceRequest("ns/clash", Map.of(), Map.of(), V4, true, List.of(IpAddress.parse("192.0.2.0")),
                Optional.empty(), new Sharing(Optional.of("web"), Set.of("TCP/80")));
        assertThat(refusal(a.assign(clash))).isEqualTo(Reason.AddressInUse);
        ServiceRequest fits = new ServiceRequest("ns/fits", Map.of(), Map.of(), V4, true, List.of(IpAddress.parse("192.0.2.0")),
                Optional.empty(), new Sharing(Optional.of("web"), Set.of("UDP/80")));
        assertThat(ips(a.assign(fits))).containsExactly("192.0.2.0");
        // The rebuild accepts what may be shared and refuses what may not.
        Allocator b = new Allocator(List.of(pool("p", "192.0.2.0/30")));
        b.claim("ns/http", new Sharing(Optional.of("web"), Set.of("TCP/80")), List.of(IpAddress.parse("192.0.2.0")));
        assertThat(b.claim("ns/fits", new Sharing(Optional.of("web"), Set.of("UDP/80")), List.of(IpAddress.parse("192.0.2.0")))).isEmpty();
        assertThat(b.claim("ns/clash", new Sharing(Optional.of("web"), Set.of("TCP/80")), List.of(IpAddress.parse("192.0.2.0"))))
                .hasSize(1);
    }

    @Test
    void ipv6PoolsAreCountedWithoutWalkingThem() {
        AddressPool p = pool("p", "2001:db8::/64", "192.0.2.0/24");
        Allocator a = new Allocator(List.of(p));
        a.assign(svc("ns/one", List.of(AddressFamily.IPV6)));
        assertThat(a.usage(p)).isEqualTo(new PoolUsage(0, 256, 1, Long.MAX_VALUE));
    }

    @Test
    void rangesParseFromPrefixesAndFirstLast() {
        assertThat(AddressRange.parse("192.0.2.0/30")).hasToString("192.0.2.0-192.0.2.3");
        assertThat(AddressRange.parse("2001:db8::/127")).hasToString("2001:db8::-2001:db8::1");
        assertThat(AddressRange.parse(" 10.0.0.5 - 10.0.0.9 ").size()).isEqualTo(5);
        assertThat(AddressRange.parse("10.0.0.0/16").buggyCount()).isEqualTo(512);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.5"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.1-2001:db8::1"))
                .hasMessageContaining("mixes");
    }
}
