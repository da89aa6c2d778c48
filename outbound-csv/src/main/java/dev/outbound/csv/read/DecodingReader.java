package dev.outbound.csv.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Decodes the file's bytes for FastCSV and shows every character to the {@link RowScanner} before
 * FastCSV gets it. Bytes that are not valid in the encoding become one U+FFFD per bad sequence,
 * as an {@code InputStreamReader} would make them, but here the scanner is told, so that the row
 * they are in says so instead of carrying a silent U+FFFD.
 *
 * <p>Counts the bytes it has taken from the stream, for progress: it reads ahead at most one
 * buffer of {@value #BUFFER} bytes.
 */
final class DecodingReader extends Reader {
    static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final RowScanner scanner;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    /** The file offset of {@code bytes}' first byte. */
    private long bufferOffset;
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private boolean closed;

    /**
     * @param in the bytes after any byte order mark
     * @param charset the encoding
     * @param scanner the scanner to show the characters to
     * @param skipped how many bytes of the file come before {@code in} (the byte order mark)
     */
    DecodingReader(InputStream in, Charset charset, RowScanner scanner, int skipped) {
        this.in = Objects.requireNonNull(in, "in");
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.bufferOffset = skipped;
        this.bytesRead = skipped;
        bytes.flip();
        chars.flip();
    }

    /** @return the bytes of the file taken so far, byte order mark included */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, target.length);
        if (closed) {
            throw new IOException("the CSV source is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                scanner.end();
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        return n;
    }

    /** Decodes more characters into {@code chars}; false when the text has ended. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (flushed) {
                    return false;
                }
                int before = chars.position();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                scan(before, chars.position());
                if (result.isError()) {
                    if (!chars.hasRemaining()) {
                        // No room for the U+FFFD: the decoder reports the same bytes again next time.
                        break;
                    }
                    int n = result.length();
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < n && i < 4; i++) {
                        hex.append(i == 0 ? "" : " ")
                                .append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
                    }
                    scanner.badBytes(bufferOffset + bytes.position(), hex.toString());
                    bytes.position(bytes.position() + n);
                    chars.put('\uFFFD');
                    scanner.accept('\uFFFD');
                } else if (result.isUnderflow()) {
                    if (endOfInput) {
                        int mark = chars.position();
                        CoderResult flush = decoder.flush(chars);
                        scan(mark, chars.position());
                        if (flush.isUnderflow()) {
                            flushed = true;
                        }
                    } else {
                        readBytes();
                    }
                } else {
                    break;
                }
            }
        } finally {
            chars.flip();
        }
        return true;
    }

    private void scan(int from, int to) {
        for (int i = from; i < to; i++) {
            scanner.accept(chars.get(i));
        }
    }

    private void readBytes() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
