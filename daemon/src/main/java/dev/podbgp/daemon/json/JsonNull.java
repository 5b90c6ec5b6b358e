package dev.podbgp.daemon.json;

/** {@code null}: a member that is there with no value, unlike a member that is absent. */
public enum JsonNull implements JsonValue {
    NULL;

    @Override
    public String toString() {
        return toJson();
    }
}
