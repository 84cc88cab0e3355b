package dev.ipv6boot.preseed.net;

/** Finds the end of an iPXE {@code ${…}} expansion, which may nest ({@code ${net${idx}/mac}}). */
public final class IpxeExpansion {
    private IpxeExpansion() {
    }

    /**
     * The index just after the {@code }} closing the expansion that starts at {@code start} (which must hold
     * {@code ${}), or -1 when it is never closed.
     */
    public static int end(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                depth++;
                i += 2;
                continue;
            }
            if (s.charAt(i) == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }
}
