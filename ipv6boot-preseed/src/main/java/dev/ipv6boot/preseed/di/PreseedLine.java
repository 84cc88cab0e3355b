package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/** One line of a preseed file. */
public sealed interface PreseedLine {

    /** The line as written, without the line break. */
    String render();

    /**
     * {@code owner question type value}: one debconf answer. {@code type} is kept as written so that a parsed
     * file with an unknown type can still be represented and reported.
     *
     * @param owner    the package owning the question: {@code d-i} for the installer, or e.g. {@code tasksel}
     * @param question the debconf question, {@code netcfg/get_hostname}
     * @param type     the type word, normally one of {@link DebconfType}
     * @param value    the answer, everything after the type and one space; may be empty
     */
    record Selection(String owner, String question, String type, String value) implements PreseedLine {
        public Selection {
            word("owner", owner);
            word("question", question);
            word("type", type);
            Objects.requireNonNull(value, "value");
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw InvalidInputException.of("preseed", "bad-value", question,
                        "a value is one line; debconf-set-selections would read the rest as new answers");
            }
        }

        public static Selection of(String owner, String question, DebconfType type, String value) {
            return new Selection(owner, question, type.word(), value);
        }

        public Optional<DebconfType> debconfType() {
            return DebconfType.fromWord(type);
        }

        @Override
        public String render() {
            return owner + " " + question + " " + type + (value.isEmpty() ? "" : " " + value);
        }

        private static void word(String what, String s) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
                throw InvalidInputException.of("preseed", "bad-" + what, s, "the " + what + " must be one word");
            }
        }
    }

    /** {@code # text}. */
    record Comment(String text) implements PreseedLine {
        public Comment {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw InvalidInputException.of("preseed", "bad-comment", text, "a comment is one line");
            }
        }

        @Override
        public String render() {
            return text.isEmpty() ? "#" : "# " + text;
        }
    }

    /**
     * A line kept exactly as written: free-form extra lines of a model, and lines of a parsed file that are
     * not a well-formed answer (the validator says why).
     */
    record Raw(String text) implements PreseedLine {
        public Raw {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw InvalidInputException.of("preseed", "bad-line", text, "a line cannot hold a line break");
            }
        }

        @Override
        public String render() {
            return text;
        }
    }

    /** An empty line. */
    record Blank() implements PreseedLine {
        @Override
        public String render() {
            return "";
        }
    }
}
