package dev.podbgp.lab;

import dev.podbgp.lab.bird.BirdPeer;
import dev.podbgp.lab.peer.PeerConfig;

/**
 * Run in a child JVM by {@link LabCleanupTest}: makes a lab with a BIRD in it, prints
 * {@code RUN <run> <namespace> <bird pid>}, then either waits to be killed ("crash") or exits
 * without closing the lab ("exit"), leaving the cleanup to the shutdown hook.
 */
public final class LabChild {
    private LabChild() {}

    public static void main(String[] args) throws InterruptedException {
        Lab lab = Lab.create();
        Node n = lab.node("child");
        BirdPeer.start(n, PeerConfig.of("10.0.0.1", 65000));
        LabProcess bird = lab.processes().getFirst();
        System.out.println("RUN " + lab.run() + " " + n.name() + " " + bird.pid());
        System.out.flush();
        if (args[0].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(120_000);
    }
}
