package dev.ipv6boot.preseed.di;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits preseed text into lines the way {@code debconf-set-selections} does: a trailing backslash joins the
 * next line, blank and {@code #} lines are skipped, and an answer is
 * {@code owner question type [value]} where the value is everything after the type and one white-space
 * character. Never throws; lines it cannot split become {@link PreseedLine.Raw}.
 */
final class PreseedParser {
    private static final Pattern ANSWER = Pattern.compile("^\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s(.*))?$");

    private PreseedParser() {
    }

    /** A line of the model and the 1-based line of the text it started on. */
    record Numbered(PreseedLine line, int lineNumber) {
    }

    static List<Numbered> split(String text) {
        List<Numbered> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        int count = raw.length;
        if (count > 0 && raw[count - 1].isEmpty()) {
            count--;
        }
        int i = 0;
        while (i < count) {
            int start = i + 1;
            String line = chomp(raw[i]);
            while (line.endsWith("\\") && i + 1 < count) {
                i++;
                line = line.substring(0, line.length() - 1) + chomp(raw[i]);
            }
            i++;
            out.add(new Numbered(lineOf(line), start));
        }
        return out;
    }

    private static String chomp(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static PreseedLine lineOf(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return line.isEmpty() ? new PreseedLine.Blank() : new PreseedLine.Raw(line);
        }
        if (stripped.startsWith("#")) {
            String body = stripped.substring(1);
            PreseedLine.Comment c = new PreseedLine.Comment(body.startsWith(" ") ? body.substring(1) : body);
            return c.render().equals(line) ? c : new PreseedLine.Raw(line);
        }
        Matcher m = ANSWER.matcher(line);
        if (!m.matches()) {
            return new PreseedLine.Raw(line);
        }
        PreseedLine.Selection s = new PreseedLine.Selection(m.group(1), m.group(2), m.group(3),
                m.group(4) == null ? "" : m.group(4));
        // keep odd spacing byte for byte: a model line must render to what was read
        return s.render().equals(line) ? s : new PreseedLine.Raw(line);
    }

    /** Splits a line the way debconf-set-selections does, whatever its spacing; null when it has < 3 words. */
    static PreseedLine.Selection answerOf(String line) {
        Matcher m = ANSWER.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new PreseedLine.Selection(m.group(1), m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4));
    }
}
