package dev.outbound.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Reads the line-oriented data files of the core (zone rules, area codes, closed dates, region
 * rules, zone aliases): numbers the lines for messages, strips them, and skips blank lines and
 * {@code #} comments. Not exported: an implementation detail of the module.
 */
public final class DataLines {
    private DataLines() {}

    /** Receives one data line. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param number the line's number, from 1, counting every line of the text
         * @param stripped the line without surrounding white space; never blank, never a comment
         * @param raw the line as written, for messages that quote it
         */
        void line(int number, String stripped, String raw);
    }

    /**
     * Hands each data line of the text to the handler, in order. The reader is read to the end and
     * not closed. Whatever the handler throws passes through.
     *
     * @param reader the text
     * @param what what the text holds, for the message when reading fails ({@code "zone rules"})
     * @param handler what to do with each data line
     */
    public static void read(Reader reader, String what, Handler handler) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    handler.line(number, stripped, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " after line " + number, e);
        }
    }

    /**
     * Parses a UTF-8 resource that ships in the owner's package.
     *
     * @param owner a class of the package that holds the resource
     * @param name the resource's file name
     * @param parse reads the resource's text
     * @param <T> what the text becomes
     * @return what {@code parse} made of it
     */
    public static <T> T resource(Class<?> owner, String name, Function<Reader, T> parse) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from " + owner.getPackageName());
            }
            return parse.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
