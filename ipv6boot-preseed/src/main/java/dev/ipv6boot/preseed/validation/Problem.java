package dev.ipv6boot.preseed.validation;

import java.util.Objects;

/**
 * One thing wrong with a script, answer file or kernel command line.
 *
 * @param severity how bad it is
 * @param source   which input it is in ({@code "ubuntu1404.cfg"}, {@code "kernel command line"}); never null
 * @param line     1-based line number in {@code source} when it was parsed from text, 0 when built in code
 * @param code     a stable kebab-case identifier of the kind of problem ({@code "contradicting-duplicate"}),
 *                 for tools that filter or count problems
 * @param subject  what the problem is about: a debconf question, an iPXE command, a kernel argument
 * @param message  what is wrong and what to write instead, as a sentence for an operator
 */
public record Problem(Severity severity, String source, int line, String code, String subject, String message) {
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line < 0: " + line);
        }
    }

    public static Problem error(String source, int line, String code, String subject, String message) {
        return new Problem(Severity.ERROR, source, line, code, subject, message);
    }

    public static Problem warning(String source, int line, String code, String subject, String message) {
        return new Problem(Severity.WARNING, source, line, code, subject, message);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** {@code ubuntu1404.cfg:25: error: [contradicting-duplicate] time/zone: ...}, the way compilers report. */
    @Override
    public String toString() {
        return source + (hasLine() ? ":" + line : "") + ": " + severity.word() + ": [" + code + "] " + subject + ": "
                + message;
    }
}
