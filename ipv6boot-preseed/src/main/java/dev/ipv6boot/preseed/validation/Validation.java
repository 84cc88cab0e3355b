package dev.ipv6boot.preseed.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of validating one or more inputs: every {@link Problem} found, in the order of the input.
 * An input is {@linkplain #isValid() valid} when it has no {@link Severity#ERROR error}; warnings do not
 * block rendering.
 */
public record Validation(List<Problem> problems) {
    private static final Validation CLEAN = new Validation(List.of());

    public Validation {
        problems = List.copyOf(problems);
    }

    public static Validation clean() {
        return CLEAN;
    }

    public static Validation of(Collection<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        // stable: problems of one line keep the order the validator found them in
        sorted.sort(Comparator.comparing(Problem::source).thenComparingInt(Problem::line));
        return new Validation(sorted);
    }

    /** True when nothing at all was found, not even a warning. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** True when there is no error (warnings allowed). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** The problems reported at {@code line} of {@code source}. */
    public List<Problem> at(String source, int line) {
        return problems.stream().filter(p -> p.source().equals(source) && p.line() == line).toList();
    }

    /** The line numbers of {@code source} that have at least one problem. */
    public Set<Integer> linesOf(String source) {
        Set<Integer> lines = new TreeSet<>();
        for (Problem p : problems) {
            if (p.source().equals(source) && p.hasLine()) {
                lines.add(p.line());
            }
        }
        return lines;
    }

    public List<Problem> withCode(String code) {
        return problems.stream().filter(p -> p.code().equals(code)).toList();
    }

    public Validation and(Validation other) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return of(all);
    }

    /** Throws {@link InvalidInputException} carrying this validation when it has an error. */
    public Validation orThrow() {
        if (!isValid()) {
            throw new InvalidInputException(this);
        }
        return this;
    }

    /** One problem per line, as {@link Problem#toString()} writes it; empty when clean. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }
}
