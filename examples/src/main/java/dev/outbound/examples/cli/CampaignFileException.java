package dev.outbound.examples.cli;

import dev.outbound.core.OutboundException;
import java.util.Objects;

/**
 * A campaign file that could not be read: the file, the setting's path in it (such as
 * {@code pacing.ratio} or {@code dnc[0].file}), and what was wrong. The message reads
 * {@code <file>: <path>: <problem>}.
 */
public final class CampaignFileException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /** The file, as given. */
    private final String file;
    /** Where in the file, as a path of keys and indexes. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param file the campaign file, as given
     * @param path the setting's path in the file, e.g. {@code pacing.ratio}
     * @param problem what was wrong: the value found and what was expected
     */
    public CampaignFileException(String file, String path, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(path, "path") + ": "
                + Objects.requireNonNull(problem, "problem"));
        this.file = file;
        this.path = path;
    }

    /** @return the campaign file, as given */
    public String file() {
        return file;
    }

    /** @return the setting's path in the file, e.g. {@code pacing.ratio}; the position for text that is not JSON */
    public String path() {
        return path;
    }
}
