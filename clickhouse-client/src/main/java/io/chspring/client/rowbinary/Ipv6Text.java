package io.chspring.client.rowbinary;

/**
 * IPv6 addresses as ClickHouse prints them (its {@code formatIPv6}): RFC 5952 lower-case hex without leading zeros,
 * the longest run of at least two zero groups (the first of equal runs) as {@code ::}, and an address whose first
 * 80 bits are zero followed by {@code ffff} (IPv4-mapped), or whose first 96 bits are zero (IPv4-compatible), ending
 * in dotted IPv4. Java's {@code Inet6Address.getHostAddress} writes every group instead.
 */
final class Ipv6Text {

    private Ipv6Text() {
    }

    static String format(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        int start = -1;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && words[i] == 0) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = -1;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLength) {
                if (i == bestStart) {
                    text.append(':');
                }
                continue;
            }
            if (i != 0) {
                text.append(':');
            }
            if (i == 6 && bestStart == 0 && (bestLength == 6 || bestLength == 5 && words[5] == 0xFFFF)) {
                text.append(bytes[12] & 0xFF).append('.').append(bytes[13] & 0xFF).append('.')
                        .append(bytes[14] & 0xFF).append('.').append(bytes[15] & 0xFF);
                return text.toString();
            }
            text.append(Integer.toHexString(words[i]));
        }
        if (bestStart >= 0 && bestStart + bestLength == 8) {
            text.append(':');
        }
        return text.toString();
    }
}
