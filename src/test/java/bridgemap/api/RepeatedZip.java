package bridgemap.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip of one deflated entry whose content is a head followed by a chunk repeated many times: an honest zip
 * (sizes and CRC true, readable by any unzip) built in milliseconds, because the chunk is deflated once with a full
 * flush — which makes its deflated form independent of what came before — and that form is repeated. The way to
 * build a zip bomb, or a big bundle, without deflating gigabytes in the test.
 */
final class RepeatedZip {

    private RepeatedZip() {}

    /** A zip with one entry {@code name} holding {@code head}, then {@code chunk} {@code times} times. */
    static byte[] of(String name, byte[] head, byte[] chunk, int times) {
        return of(name, head, chunk, times, -1);
    }

    /**
     * As {@link #of(String, byte[], byte[], int)}, but the zip declares the entry's uncompressed size to be
     * {@code declaredSize} (when not negative) instead of the truth: a forged zip.
     */
    static byte[] of(String name, byte[] head, byte[] chunk, int times, long declaredSize) {
        byte[] deflatedHead = fullFlush(head);
        byte[] deflatedChunk = fullFlush(chunk);
        byte[] end = finish();
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < times; i++) {
            crc.update(chunk);
        }
        long size = declaredSize >= 0 ? declaredSize : head.length + (long) chunk.length * times;
        long compressed = deflatedHead.length + (long) deflatedChunk.length * times + end.length;
        if (size > 0xFFFF_FFFEL || compressed > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("too large for a zip without Zip64: " + size);
        }
        byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream((int) compressed + 200);
        // local file header
        int32(out, 0x04034b50);
        int16(out, 20);
        int16(out, 0);
        int16(out, Deflater.DEFLATED);
        int16(out, 0);
        int16(out, 0x21); // 1 January 1980
        int32(out, (int) crc.getValue());
        int32(out, (int) compressed);
        int32(out, (int) size);
        int16(out, fileName.length);
        int16(out, 0);
        out.writeBytes(fileName);
        out.writeBytes(deflatedHead);
        for (int i = 0; i < times; i++) {
            out.writeBytes(deflatedChunk);
        }
        out.writeBytes(end);
        int directory = out.size();
        // central directory
        int32(out, 0x02014b50);
        int16(out, 20);
        int16(out, 20);
        int16(out, 0);
        int16(out, Deflater.DEFLATED);
        int16(out, 0);
        int16(out, 0x21);
        int32(out, (int) crc.getValue());
        int32(out, (int) compressed);
        int32(out, (int) size);
        int16(out, fileName.length);
        int16(out, 0);
        int16(out, 0);
        int16(out, 0);
        int16(out, 0);
        int32(out, 0);
        int32(out, 0);
        out.writeBytes(fileName);
        int directorySize = out.size() - directory;
        // end of central directory
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, 1);
        int16(out, 1);
        int32(out, directorySize);
        int32(out, directory);
        int16(out, 0);
        return out.toByteArray();
    }

    private static byte[] fullFlush(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The deflate stream's last, empty block. */
    private static byte[] finish() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.finish();
            byte[] buffer = new byte[64];
            int n = deflater.deflate(buffer);
            return java.util.Arrays.copyOf(buffer, n);
        } finally {
            deflater.end();
        }
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value & 0xffff);
        int16(out, value >>> 16);
    }
}
