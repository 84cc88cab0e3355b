package dev.ipv6boot.testkit.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic pcap file (the libpcap format, either byte order, micro- or nanosecond timestamps).
 *
 * <pre>{@code
 * for (CapturedFrame frame : PcapReader.read(path)) {
 *     frame.ipv6().flatMap(Ipv6Packet::udp).ifPresent(udp -> ...);
 * }
 * }</pre>
 */
public final class PcapReader {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapReader() {
    }

    public static List<CapturedFrame> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static List<CapturedFrame> read(byte[] file) throws PcapFormatException {
        Contents contents = readPartially(file);
        if (contents.damage() != null) {
            throw contents.damage();
        }
        return contents.frames();
    }

    /**
     * The frames of a capture that may be damaged: those before the damage, and what the damage is (null when
     * the whole file was read). A file that is not a pcap file at all still throws.
     */
    public record Contents(List<CapturedFrame> frames, PcapFormatException damage) {
    }

    public static Contents readPartially(Path file) throws IOException {
        return readPartially(Files.readAllBytes(file));
    }

    public static Contents readPartially(byte[] file) throws PcapFormatException {
        if (file.length < GLOBAL_HEADER) {
            throw new PcapFormatException("shorter than a pcap global header (" + file.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        int magic = in.getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            in.order(ByteOrder.LITTLE_ENDIAN);
            magic = in.getInt(0);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new PcapFormatException(String.format(
                        "not a classic pcap file (magic 0x%08x); pcapng is not supported, convert with editcap -F pcap",
                        in.order(ByteOrder.BIG_ENDIAN).getInt(0)));
            }
        }
        boolean nanos = magic == MAGIC_NANOS;
        int linkType = in.getInt(20) & 0x0fffffff; // upper bits carry FCS information
        List<CapturedFrame> frames = new ArrayList<>();
        int offset = GLOBAL_HEADER;
        while (offset < file.length) {
            if (file.length - offset < RECORD_HEADER) {
                return new Contents(frames, new PcapFormatException(
                        "record " + (frames.size() + 1) + " header truncated at byte " + offset));
            }
            long seconds = in.getInt(offset) & 0xffffffffL;
            long fraction = in.getInt(offset + 4) & 0xffffffffL;
            long capturedLength = in.getInt(offset + 8) & 0xffffffffL;
            if (capturedLength > file.length - offset - RECORD_HEADER) {
                return new Contents(frames, new PcapFormatException("record " + (frames.size() + 1) + " at byte "
                        + offset + " claims " + capturedLength + " bytes, past the end of the file"));
            }
            byte[] data = new byte[(int) capturedLength];
            System.arraycopy(file, offset + RECORD_HEADER, data, 0, data.length);
            long micros = seconds * 1_000_000L + (nanos ? fraction / 1000 : fraction);
            frames.add(new CapturedFrame(frames.size() + 1, micros, linkType, data));
            offset += RECORD_HEADER + data.length;
        }
        return new Contents(frames, null);
    }
}
