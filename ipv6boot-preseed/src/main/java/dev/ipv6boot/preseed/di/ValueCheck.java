package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.DnsNames;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Severity;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one answer against what its question accepts: the value against its type and, for
 * {@link KnownQuestion known questions}, against the accepted choices and format. Used for preseed lines and
 * for {@code question=value} arguments on the kernel command line alike.
 */
public final class ValueCheck {
    /** One finding about a value. */
    public record Finding(Severity severity, String code, String message) {
    }

    private static final Pattern LOCALE = Pattern.compile("(C|POSIX|[a-z]{2,3}(_[A-Z]{2})?)(\\.[A-Za-z0-9-]+)?(@[a-z]+)?");
    private static final Pattern CRYPT = Pattern.compile("\\$(1|2[abxy]|5|6|y|gy|7)\\$[^\\s]+");
    private static final Pattern SHA_CRYPT = Pattern.compile(
            "\\$[56]\\$(rounds=[0-9]+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]+");

    private ValueCheck() {
    }

    /**
     * Findings for {@code value} given as the answer to {@code question} with the type word {@code type}
     * (null when the type is not written, as on the kernel command line).
     */
    public static List<Finding> check(String question, String type, String value) {
        List<Finding> findings = new ArrayList<>();
        Optional<KnownQuestion> known = KnownQuestion.of(question);
        Optional<DebconfType> written = type == null ? Optional.empty() : DebconfType.fromWord(type);
        DebconfType effective = written.orElse(known.flatMap(KnownQuestion::type).orElse(null));
        if (known.isPresent() && written.isPresent() && known.get().type().isPresent()
                && known.get().type().get() != written.get()) {
            findings.add(new Finding(Severity.WARNING, "type-mismatch", question + " is a "
                    + known.get().type().get().word() + " in the installer's templates, not a " + type));
        }
        if (effective == DebconfType.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            findings.add(new Finding(Severity.ERROR, "bad-boolean",
                    "a boolean is true or false, not '" + value + "'"));
            return findings;
        }
        if (known.isEmpty()) {
            return findings;
        }
        KnownQuestion q = known.get();
        if (q.isObsolete()) {
            findings.add(new Finding(Severity.WARNING, "obsolete-question", q.obsolete()));
        }
        if (!q.choices().isEmpty()) {
            List<String> values = effective == DebconfType.MULTISELECT ? splitMulti(value) : List.of(value);
            for (String v : values) {
                if (!q.choices().contains(v)) {
                    findings.add(new Finding(Severity.ERROR, "bad-choice", "'" + v + "' is not one of "
                            + String.join(", ", q.choices().stream().sorted().toList())));
                }
            }
        }
        formatFinding(q.format(), value).ifPresent(findings::add);
        return findings;
    }

    /** Multiselect values are separated by a comma and a space, as debconf writes them. */
    static List<String> splitMulti(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split(",")) {
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static Optional<Finding> formatFinding(KnownQuestion.ValueFormat format, String value) {
        return switch (format) {
            case ANY, PLAIN_PASSWORD -> Optional.empty();
            case INTEGER -> value.matches("[0-9]{1,9}") ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value + "' is not a whole number"));
            case HOSTNAME -> DnsNames.isHostLabel(value) ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value
                    + "' is not a host name (one label of letters, digits and hyphens; the domain goes in netcfg/get_domain)"));
            case DOMAIN -> DnsNames.isDomainName(value) ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value + "' is not a domain name"));
            case HOST -> hostFinding(value);
            case TIME_ZONE -> isZone(value) ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value
                    + "' is not a time zone of the tz database (such as Etc/UTC or Europe/Amsterdam)"));
            case LOCALE -> LOCALE.matcher(value).matches() ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value + "' is not a locale such as en_US.UTF-8"));
            case LOCALES -> splitMulti(value).stream().allMatch(v -> LOCALE.matcher(v).matches()) ? Optional.empty()
                    : Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value
                    + "' is not a comma-separated list of locales"));
            case CRYPTED_PASSWORD -> cryptFinding(value);
            case URL_OR_EMPTY -> urlFinding(value);
            case KEYBOARD_DESCRIPTION -> value.equals("USA") ? Optional.of(new Finding(Severity.WARNING,
                    "bad-choice", "'USA' is the keyboard name of console-setup before 2011; since then the "
                    + "choices are descriptions such as 'English (US)', so the answer matches nothing. "
                    + "Answer keyboard-configuration/layoutcode string us (or xkb-keymap select us) instead"))
                    : Optional.empty();
        };
    }

    /** A DNS name, an IPv4 address or a bracketed IPv6 one, each with an optional :port. */
    private static Optional<Finding> hostFinding(String value) {
        if (BootUrl.isIpv6Literal(value)) {
            return Optional.of(new Finding(Severity.ERROR, "unbracketed-ipv6", "an IPv6 address here must be in "
                    + "brackets, [" + value + "], because the installer appends it to http:// as is"));
        }
        try {
            BootUrl.parse("http://" + value + "/");
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(new Finding(Severity.ERROR, "bad-value", "'" + value + "' is not a host ("
                    + e.validation().problems().get(0).message() + ")"));
        }
    }

    private static boolean isZone(String value) {
        if (!value.matches("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")) {
            return false;
        }
        try {
            ZoneId.of(value);
            return ZoneId.getAvailableZoneIds().contains(value);
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static Optional<Finding> cryptFinding(String value) {
        if (!CRYPT.matcher(value).matches()) {
            return Optional.of(new Finding(Severity.ERROR, "bad-value",
                    "not a crypt(3) hash; create one with: mkpasswd -m sha-512"));
        }
        if (value.startsWith("$1$")) {
            return Optional.of(new Finding(Severity.WARNING, "weak-hash",
                    "an MD5 crypt hash is weak; create a SHA-512 one with: mkpasswd -m sha-512"));
        }
        if ((value.startsWith("$5$") || value.startsWith("$6$")) && !SHA_CRYPT.matcher(value).matches()) {
            return Optional.of(new Finding(Severity.ERROR, "bad-value", "malformed SHA-crypt hash"));
        }
        return Optional.empty();
    }

    private static Optional<Finding> urlFinding(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            BootUrl.parse(value);
            return Optional.empty();
        } catch (InvalidInputException e) {
            var p = e.validation().problems().get(0);
            return Optional.of(new Finding(Severity.ERROR, p.code(), p.message()));
        }
    }
}
