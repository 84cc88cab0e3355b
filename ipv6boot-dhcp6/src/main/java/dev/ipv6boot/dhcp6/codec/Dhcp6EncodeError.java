package dev.ipv6boot.dhcp6.codec;

/** Why {@link Dhcp6Writer#finish()} refused a message; nothing of it is left in the buffer. */
public enum Dhcp6EncodeError {
    NONE("no error"),
    MESSAGE_TOO_LONG("the message would exceed the maximum length given to begin() (e.g. 1472 octets for EDK2)"),
    BUFFER_FULL("the buffer cannot grow enough to hold the message (its maxCapacity)"),
    OPTION_TOO_LONG("an option's data would exceed 65535 octets (RFC 9915 §21.1)"),
    DOMAIN_NAME_INVALID("a DNS name has an empty or over-long label, a non-ASCII character or over 255 octets");

    private final String description;

    Dhcp6EncodeError(String description) {
        this.description = description;
    }

    /** A sentence for humans. */
    public String description() {
        return description;
    }
}
