package dev.ipv6boot.preseed.validation;

/**
 * Thrown by builders and renderers when asked to produce something that would fail at boot; carries the
 * {@link Validation} that says every reason, so a caller can report them all at once.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Validation validation;

    public InvalidInputException(Validation validation) {
        super(validation.errors().isEmpty() ? "invalid input" : summary(validation));
        this.validation = validation;
    }

    public static InvalidInputException of(String source, String code, String subject, String message) {
        return new InvalidInputException(
                Validation.of(java.util.List.of(Problem.error(source, 0, code, subject, message))));
    }

    private static String summary(Validation validation) {
        var errors = validation.errors();
        return errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    public Validation validation() {
        return validation;
    }
}
