package dev.ipv6boot.preseed.di;

import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Severity;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what makes a preseed file do something else than it says: lines debconf-set-selections skips
 * (unknown or missing type, a word too many), values that do not fit their question, the same question
 * answered twice, answers that contradict each other, and passwords in clear text.
 */
final class PreseedValidator {
    private PreseedValidator() {
    }

    /** An answer as read, with its line. */
    record Answer(PreseedLine.Selection selection, int line) {
    }

    static Validation validate(List<PreseedParser.Numbered> lines, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (PreseedParser.Numbered n : lines) {
            PreseedLine.Selection s = null;
            if (n.line() instanceof PreseedLine.Selection sel) {
                s = sel;
            } else if (n.line() instanceof PreseedLine.Raw raw) {
                s = rawAnswer(raw, source, n.lineNumber(), problems);
            }
            if (s == null) {
                continue;
            }
            if (checkShape(s, source, n.lineNumber(), problems)) {
                answers.add(new Answer(s, n.lineNumber()));
            }
        }
        Map<String, Answer> first = new HashMap<>();
        Map<String, Answer> last = new LinkedHashMap<>();
        for (Answer a : answers) {
            PreseedLine.Selection s = a.selection();
            if (s.type().equals("seen")) {
                continue;
            }
            for (ValueCheck.Finding f : ValueCheck.check(s.question(), s.type(), s.value())) {
                problems.add(new Problem(f.severity(), source, a.line(), f.code(), s.question(), f.message()));
            }
            if (KnownQuestion.of(s.question()).map(q -> q.format() == KnownQuestion.ValueFormat.PLAIN_PASSWORD)
                    .orElse(false) && !s.value().isEmpty()) {
                problems.add(Problem.warning(source, a.line(), "plain-text-password", s.question(),
                        plainTextAdvice(s)));
            }
            if (KnownQuestion.of(s.question()).isEmpty()) {
                closeQuestion(s.question()).ifPresent(q -> problems.add(Problem.warning(source, a.line(),
                        "unknown-question", s.question(), "no such installer question, so the answer is never "
                                + "used; did you mean " + q + "?")));
            }
            Answer earlier = first.putIfAbsent(s.question(), a);
            if (earlier != null) {
                duplicate(earlier, a, source, problems);
            }
            last.put(s.question(), a);
        }
        crossChecks(last, source, problems);
        return Validation.of(problems);
    }

    /**
     * What to write instead of a clear-text password: the crypted question with a SHA-512 crypt hash of the
     * very password on the line (nothing new is disclosed: the clear text is already in the file).
     */
    private static String plainTextAdvice(PreseedLine.Selection s) {
        String question = s.question();
        boolean again = question.endsWith("-again");
        String crypted = question.replace("-again", "") + "-crypted";
        if (again) {
            return "the password is in clear text, readable by anything that can fetch this file; with "
                    + crypted + " this confirmation is not needed: remove the line";
        }
        String hash = Sha512Crypt.hash(s.value(), Sha512Crypt.randomSalt());
        return "the password is in clear text, readable by anything that can fetch this file; write "
                + s.owner() + " " + crypted + " password " + hash + " instead (a SHA-512 crypt hash of it; "
                + "or make one with: mkpasswd -m sha-512)";
    }

    /** A known question one or two typing mistakes away from {@code question}. */
    private static Optional<String> closeQuestion(String question) {
        for (KnownQuestion q : KnownQuestion.all()) {
            if (distance(question, q.question()) <= 2) {
                return Optional.of(q.question());
            }
        }
        return Optional.empty();
    }

    private static PreseedLine.Selection rawAnswer(PreseedLine.Raw raw, String source, int line, List<Problem> problems) {
        String text = raw.text();
        if (text.isBlank() || text.strip().startsWith("#")) {
            return null;
        }
        PreseedLine.Selection s = PreseedParser.answerOf(text);
        if (s == null) {
            String[] words = text.strip().split("\\s+");
            String subject = words.length > 1 ? words[1] : words[0];
            String hint = words.length == 2 ? KnownQuestion.of(words[1]).flatMap(KnownQuestion::type)
                    .map(t -> "; " + words[1] + " is a " + t.word()).orElse("") : "";
            problems.add(Problem.error(source, line, "missing-type", subject,
                    "an answer needs owner, question and type; debconf-set-selections rejects this line" + hint));
        }
        return s;
    }

    /** False when debconf-set-selections would skip the line; reports why. */
    private static boolean checkShape(PreseedLine.Selection s, String source, int line, List<Problem> problems) {
        if (DebconfType.isTypeOrFlag(s.type())) {
            return true;
        }
        String[] valueWords = s.value().isEmpty() ? new String[0] : s.value().split("\\s+", 2);
        if (s.type().contains("/") && !s.question().contains("/") && valueWords.length > 0
                && DebconfType.isTypeOrFlag(valueWords[0])) {
            // "d-i debconf debconf/frontend select X": an owner too many
            problems.add(Problem.error(source, line, "extra-word", s.type(),
                    "one word too many: '" + s.question() + "' is read as the question and '" + s.type()
                            + "' as the type, so the line is skipped; write " + s.question() + " " + s.type()
                            + " " + s.value()));
            return false;
        }
        Optional<DebconfType> typo = closeType(s.type());
        if (typo.isPresent()) {
            problems.add(Problem.error(source, line, "unknown-type", s.question(), "'" + s.type()
                    + "' is not a debconf type, so the line is skipped; did you mean '" + typo.get().word() + "'?"));
            return false;
        }
        Optional<KnownQuestion> known = KnownQuestion.of(s.question());
        if (known.flatMap(KnownQuestion::type).isPresent()) {
            DebconfType t = known.get().type().get();
            String value = s.value().isEmpty() ? s.type() : s.type() + " " + s.value();
            problems.add(Problem.error(source, line, "missing-type", s.question(),
                    "no type: '" + s.type() + "' is read as the type, so the line is skipped; write "
                            + s.owner() + " " + s.question() + " " + t.word() + " " + value));
            return false;
        }
        problems.add(Problem.error(source, line, "unknown-type", s.question(), "'" + s.type()
                + "' is not a debconf type (string, boolean, select, multiselect, password, note, text, title); "
                + "the line is skipped"));
        return false;
    }

    /** A type word one or two typing mistakes away from {@code word} (but not a value such as "true"). */
    private static Optional<DebconfType> closeType(String word) {
        for (DebconfType t : DebconfType.values()) {
            if (distance(word.toLowerCase(java.util.Locale.ROOT), t.word()) <= (t.word().length() > 4 ? 2 : 1)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
            }
        }
        return d[a.length()][b.length()];
    }

    private static void duplicate(Answer earlier, Answer later, String source, List<Problem> problems) {
        PreseedLine.Selection a = earlier.selection();
        PreseedLine.Selection b = later.selection();
        boolean same = a.value().equals(b.value()) || b.debconfType().orElse(null) == DebconfType.MULTISELECT
                && ValueCheck.splitMulti(a.value()).equals(ValueCheck.splitMulti(b.value()));
        if (same && a.type().equals(b.type())) {
            problems.add(Problem.warning(source, later.line(), "redundant-duplicate", b.question(),
                    "already answered with the same value on line " + earlier.line() + "; remove one"));
        } else {
            problems.add(Problem.error(source, later.line(), "contradicting-duplicate", b.question(),
                    "answered '" + a.value() + "' on line " + earlier.line() + " and '" + b.value()
                            + "' here; the last answer wins, so line " + earlier.line() + " has no effect. Keep one"));
        }
    }

    private static void crossChecks(Map<String, Answer> last, String source, List<Problem> problems) {
        Answer use = last.get("netcfg/use_autoconfig");
        for (String disabling : List.of("netcfg/disable_autoconfig", "netcfg/disable_dhcp")) {
            Answer off = last.get(disabling);
            if (off != null && off.selection().value().equals("true") && use != null
                    && use.selection().value().equals("true")) {
                problems.add(Problem.error(source, off.line(), "contradicting-answers", disabling,
                        disabling + " true turns off automatic configuration (SLAAC and DHCPv6 as well as DHCPv4)"
                                + " while netcfg/use_autoconfig true on line " + use.line() + " asks for it; an "
                                + "IPv6-only machine then has no address and netcfg asks for a static one. "
                                + "Remove this line to autoconfigure over IPv6"));
            }
        }
        Answer host = last.get("netcfg/get_hostname");
        Answer domain = last.get("netcfg/get_domain");
        if (host != null && domain != null && host.selection().value().equals(domain.selection().value())) {
            problems.add(Problem.warning(source, domain.line(), "suspicious-value", "netcfg/get_domain",
                    "the domain is the host name ('" + domain.selection().value() + "'), so the machine is named "
                            + host.selection().value() + "." + domain.selection().value()
                            + "; answer the site's domain"));
        }
        Answer pw = last.get("passwd/root-password");
        Answer again = last.get("passwd/root-password-again");
        mismatch(pw, again, source, problems);
        mismatch(last.get("passwd/user-password"), last.get("passwd/user-password-again"), source, problems);
    }

    private static void mismatch(Answer pw, Answer again, String source, List<Problem> problems) {
        if (pw != null && again != null && !pw.selection().value().equals(again.selection().value())) {
            problems.add(new Problem(Severity.ERROR, source, again.line(), "password-mismatch",
                    again.selection().question(), "differs from " + pw.selection().question() + " on line "
                    + pw.line() + "; the installer stops and asks again"));
        }
    }
}
