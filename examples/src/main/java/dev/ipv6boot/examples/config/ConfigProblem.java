package dev.ipv6boot.examples.config;

/**
 * One thing wrong (or suspicious) in a configuration file, where it is.
 *
 * @param severity an error stops {@code serve}; a warning is printed and served anyway
 * @param line     1-based, or 0 when the problem has no single place
 * @param column   1-based, or 0
 * @param path     where in the document, e.g. {@code dhcp6.subnets[0].pools[1]}
 * @param message  what is wrong and what to do instead
 */
public record ConfigProblem(Severity severity, int line, int column, String path, String message) {

    public enum Severity { ERROR, WARNING }

    /** {@code boot.yaml:12:5: error: dhcp6.subnets[0].pools[1]: ...}, the way compilers print. */
    public String format(String fileName) {
        StringBuilder out = new StringBuilder(fileName);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
