package dev.ipv6boot.preseed.di;

import java.util.Locale;
import java.util.Optional;

/**
 * The question types {@code debconf-set-selections} accepts (its {@code @knowntypes}); a line with any other
 * word in the type position is skipped with a warning, so the answer is silently lost.
 */
public enum DebconfType {
    STRING, BOOLEAN, SELECT, MULTISELECT, PASSWORD, NOTE, TEXT, TITLE;

    /** The word as written in a preseed file. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DebconfType> fromWord(String word) {
        for (DebconfType t : values()) {
            if (t.word().equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True for a type word, or for {@code seen}, the one flag debconf-set-selections also takes there. */
    public static boolean isTypeOrFlag(String word) {
        return fromWord(word).isPresent() || "seen".equals(word);
    }
}
