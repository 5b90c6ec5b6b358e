package dev.podbgp.k8s.mapping;

/**
 * An object, or part of one, that could not be used; it becomes a Warning Event on that object
 * and a log line, and the rest of the state is built without it.
 *
 * @param kind    the object's kind (Node, BGPPeer, BGPConfiguration)
 * @param name    the object's name
 * @param field   the path of the offending field, e.g. {@code spec.peerAddress}
 * @param message what is wrong with its value
 */
public record Problem(String kind, String name, String field, String message) {
    @Override
    public String toString() {
        return kind + "/" + name + " " + field + ": " + message;
    }
}
