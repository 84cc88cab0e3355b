package dev.ipv6boot.http.tftp;

import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes a transfer sends, readable at any offset so that a lost window is re-read rather than kept in
 * memory: an octet file is read in place, a netascii file is translated once into memory.
 */
sealed interface BlockSource extends AutoCloseable permits BlockSource.OctetFile, BlockSource.Netascii {
    /** Largest file sent in netascii mode; such files are scripts and configs, never images. */
    int MAX_NETASCII_BYTES = 4 << 20;

    long size();

    /** Appends exactly {@code length} bytes from {@code position} to {@code target}. */
    void read(ByteBuf target, long position, int length) throws IOException;

    @Override
    void close();

    static BlockSource octet(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new OctetFile(channel, channel.size());
    }

    /** Translates to netascii (RFC 764 via RFC 1350 §5): LF becomes CR LF, a lone CR becomes CR NUL. */
    static BlockSource netascii(Path file) throws IOException {
        if (Files.size(file) > MAX_NETASCII_BYTES) {
            throw new IOException("netascii transfers are limited to " + MAX_NETASCII_BYTES + " bytes; use octet");
        }
        byte[] raw = Files.readAllBytes(file);
        byte[] out = new byte[raw.length * 2];
        int length = 0;
        for (byte b : raw) {
            if (b == '\n') {
                out[length++] = '\r';
                out[length++] = '\n';
            } else if (b == '\r') {
                out[length++] = '\r';
                out[length++] = 0;
            } else {
                out[length++] = b;
            }
        }
        return new Netascii(out, length);
    }

    record OctetFile(FileChannel channel, long size) implements BlockSource {
        @Override
        public void read(ByteBuf target, long position, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int n = target.writeBytes(channel, position + done, length - done);
                if (n < 0) {
                    throw new IOException("file shrank during the transfer");
                }
                done += n;
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only file loses nothing
            }
        }
    }

    record Netascii(byte[] bytes, int length) implements BlockSource {
        @Override
        public long size() {
            return length;
        }

        @Override
        public void read(ByteBuf target, long position, int count) {
            target.writeBytes(bytes, (int) position, count);
        }

        @Override
        public void close() {
        }
    }
}
