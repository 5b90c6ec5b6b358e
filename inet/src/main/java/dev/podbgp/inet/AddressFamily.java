package dev.podbgp.inet;

/** The two address families a pod network routes. */
public enum AddressFamily {
    IPV4(32),
    IPV6(128);

    private final int bitLength;

    AddressFamily(int bitLength) {
        this.bitLength = bitLength;
    }

    /** Number of bits in an address of this family: 32 or 128. */
    public int bitLength() {
        return bitLength;
    }

    /** Number of bytes in an address of this family: 4 or 16. */
    public int byteLength() {
        return bitLength / 8;
    }
}
