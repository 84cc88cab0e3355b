package dev.ipv6boot.dhcp6.policy;

/**
 * A named client class. Classes are evaluated in order, built-ins first, so an expression may use
 * {@code member('NAME')} of any class before it; a message's classes are a bit set indexed by {@link #index()}.
 *
 * @param name       the class name ({@code IPXE}, {@code RACK1})
 * @param index      its bit in the class set, 0..63
 * @param expression the expression as written, or a description for a built-in class
 * @param test       the compiled test
 * @param builtIn    whether the class is one of {@link BuiltInClasses}
 */
public record ClientClass(String name, int index, String expression, Dhcp6Predicate test, boolean builtIn) {

    /** At most 64 classes, so that a message's classes fit one {@code long}. */
    public static final int MAX_CLASSES = 64;

    public ClientClass {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
            throw new IllegalArgumentException("a class name is a letter then letters, digits, '_' or '-': " + name);
        }
        if (index < 0 || index >= MAX_CLASSES) {
            throw new IllegalArgumentException("at most " + MAX_CLASSES + " classes");
        }
    }

    /** This class's bit in a class set. */
    public long bit() {
        return 1L << index;
    }
}
