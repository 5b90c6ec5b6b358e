package dev.podbgp.rib.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podbgp.bgp.wire.BgpError;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.message.Notification;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaxPrefixCounterTest {

    private static MaxPrefixCounter counter(long limit, int percent, MaxPrefixLimit.OnExceed onExceed, Family family) {
        return new MaxPrefixCounter(new MaxPrefixLimit(limit, percent, onExceed), family);
    }

    @Test
    void rfc4486_s4_maxPrefixTeardownCarriesAfiSafiAndLimit() {
        MaxPrefixCounter c = counter(1000, 80, MaxPrefixLimit.Teardown.restartAfter(Duration.ofMinutes(5)), Family.IPV6_UNICAST);

        MaxPrefixVerdict v = c.observe(1001);

        assertThat(v).isInstanceOfSatisfying(MaxPrefixVerdict.TearDown.class, t -> {
            Notification n = t.notification();
            assertThat(n.error()).contains(BgpError.CEASE_MAXIMUM_PREFIXES_REACHED);
            assertThat(n.code()).isEqualTo(6);
            assertThat(n.subcode()).isEqualTo(1);
            // AFI 2 (IPv6), SAFI 1 (unicast), upper bound 1000 = 0x3e8.
            assertThat(HexFormat.of().formatHex(n.data())).isEqualTo("0002" + "01" + "000003e8");
            assertThat(t.restartAfter()).contains(Duration.ofMinutes(5));
            assertThat(t.count()).isEqualTo(1001);
        });
    }

    @Test
    void theLimitItselfIsAllowedOneMoreExceedsIt() {
        MaxPrefixCounter c = counter(10, 100, MaxPrefixLimit.Teardown.untilCleared(), Family.IPV4_UNICAST);

        assertThat(c.observe(10)).isInstanceOf(MaxPrefixVerdict.Warn.class);
        assertThat(c.observe(11)).isInstanceOfSatisfying(MaxPrefixVerdict.TearDown.class,
                t -> assertThat(t.restartAfter()).isEmpty());
    }

    @Test
    void theWarningIsGivenOnceWhenCrossingTheThreshold() {
        MaxPrefixCounter c = counter(100, 75, new MaxPrefixLimit.StopAccepting(), Family.IPV4_UNICAST);

        assertThat(c.observe(74)).isEqualTo(new MaxPrefixVerdict.Ok());
        assertThat(c.observe(75)).isEqualTo(new MaxPrefixVerdict.Warn(75, 75, 100));
        assertThat(c.observe(80)).isEqualTo(new MaxPrefixVerdict.Ok());
        assertThat(c.observe(100)).isEqualTo(new MaxPrefixVerdict.Ok());
    }

    @Test
    void droppingBelowTheThresholdRearmsTheWarning() {
        MaxPrefixCounter c = counter(100, 75, new MaxPrefixLimit.StopAccepting(), Family.IPV4_UNICAST);

        c.observe(90);
        c.observe(10);

        assertThat(c.observe(76)).isEqualTo(new MaxPrefixVerdict.Warn(76, 75, 100));
    }

    @Test
    void resetForANewSessionRearmsTheWarning() {
        MaxPrefixCounter c = counter(100, 75, new MaxPrefixLimit.StopAccepting(), Family.IPV4_UNICAST);
        c.observe(90);

        c.reset();

        assertThat(c.observe(90)).isInstanceOf(MaxPrefixVerdict.Warn.class);
    }

    @Test
    void warningThresholdRoundsUp() {
        assertThat(new MaxPrefixLimit(10, 75, new MaxPrefixLimit.StopAccepting()).warningThreshold()).isEqualTo(8);
        assertThat(new MaxPrefixLimit(4_294_967_295L, 100, new MaxPrefixLimit.StopAccepting()).warningThreshold())
                .isEqualTo(4_294_967_295L);
    }

    @Test
    void stopAcceptingKeepsTheSessionAndNamesHowManyToRefuse() {
        MaxPrefixCounter c = counter(100, 90, new MaxPrefixLimit.StopAccepting(), Family.IPV4_UNICAST);

        assertThat(c.observe(103)).isEqualTo(new MaxPrefixVerdict.StopAccepting(3, 100));
    }

    @Test
    void nonsensicalLimitsAreRefusedAtConfigTime() {
        MaxPrefixLimit.OnExceed stop = new MaxPrefixLimit.StopAccepting();
        assertThatThrownBy(() -> new MaxPrefixLimit(1L << 32, 75, stop)).as("does not fit the Cease data")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxPrefixLimit(100, 0, stop)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxPrefixLimit(100, 101, stop)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxPrefixLimit.Teardown(Optional.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
