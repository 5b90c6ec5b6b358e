package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.wire.BfdState;
import dev.podbgp.inet.IpAddress;
import java.time.Duration;

/** One side of a test on the loopback interface: a transport on its own address, its moves, its one session. */
final class LoopbackEnd implements AutoCloseable {

    final IpAddress address;
    final Moves moves = new Moves();
    final BfdTransport transport = BfdTransport.start(BfdTransportConfig.defaults(), moves);
    BfdSessionHandle handle;

    LoopbackEnd(String address) {
        this.address = IpAddress.parse(address);
    }

    BfdSessionHandle add(BfdPeerConfig config) {
        handle = transport.add(config);
        return handle;
    }

    BfdSessionStatus status() {
        return transport.status(handle).orElseThrow();
    }

    void awaitUp(Duration within) throws InterruptedException {
        moves.awaitTo(BfdState.UP, within);
    }

    @Override
    public void close() {
        transport.close();
    }
}
