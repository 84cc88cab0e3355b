package dev.ipv6boot.preseed;

import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.ipxe.IpxeScript;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Validates an iPXE script and the preseed its kernel line points at, together, as a d-i boot reads them:
 * each file on its own, the kernel command line as d-i boot parameters, and the two against each other.
 * Netcfg configures the network before d-i fetches a preseed from {@code preseed/url}, so a network answer
 * there has no effect unless the command line sets it too, and an answer the command line sets differently
 * contradicts it.
 */
public final class BootCheck {
    private BootCheck() {
    }

    /**
     * Checks files from the command line: {@code BootCheck script.ipxe preseed.cfg}, or one file (an iPXE
     * script when it starts with {@code #!}, otherwise a preseed). Prints one problem per line; exits 1 when
     * there is an error, 2 on a usage or I/O error.
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BootCheck <script.ipxe> [<preseed.cfg>] | BootCheck <preseed.cfg>");
            System.exit(2);
        }
        try {
            java.nio.file.Path first = java.nio.file.Path.of(args[0]);
            String text = java.nio.file.Files.readString(first);
            Validation v;
            if (args.length == 2) {
                java.nio.file.Path second = java.nio.file.Path.of(args[1]);
                v = check(text, first.getFileName().toString(), java.nio.file.Files.readString(second),
                        second.getFileName().toString());
            } else if (text.startsWith("#!")) {
                v = IpxeScript.parse(text, first.getFileName().toString()).validation();
            } else {
                v = Preseed.parse(text, first.getFileName().toString()).validation();
            }
            System.out.print(v);
            System.out.println(v.errors().size() + " errors, " + v.warnings().size() + " warnings");
            System.exit(v.isValid() ? 0 : 1);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("BootCheck: " + e);
            System.exit(2);
        }
    }

    /** Every problem of the script, its kernel lines, the preseed, and between them; never throws. */
    public static Validation check(String ipxeText, String ipxeSource, String preseedText, String preseedSource) {
        Validation script = IpxeScript.parse(ipxeText, ipxeSource).validation();
        Preseed.Parsed preseed = Preseed.parse(preseedText, preseedSource);
        List<Problem> problems = new ArrayList<>(script.problems());
        problems.addAll(preseed.validation().problems());
        String[] lines = ipxeText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<KernelCommandLine> cmdline = kernelArguments(lines[i]);
            if (cmdline.isEmpty()) {
                continue;
            }
            problems.addAll(cmdline.get().validateForDebianInstaller(ipxeSource, i + 1).problems());
            problems.addAll(crossCheck(cmdline.get(), ipxeSource + ":" + (i + 1), preseed.preseed(), preseedSource));
        }
        return Validation.of(problems);
    }

    /** The kernel command line of a {@code kernel} line of an iPXE script, if it is one. */
    static Optional<KernelCommandLine> kernelArguments(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length == 0 || !(words[0].equals("kernel") || words[0].equals("imgselect")
                || words[0].equals("imgload"))) {
            return Optional.empty();
        }
        int i = 1;
        while (i < words.length && words[i].startsWith("-")) {
            i += words[i].equals("--name") || words[i].equals("-n") || words[i].equals("--timeout")
                    || words[i].equals("-t") ? 2 : 1;
        }
        StringBuilder rest = new StringBuilder();
        for (int j = i + 1; j < words.length; j++) {
            if (words[j].equals("&&") || words[j].equals("||")) {
                break;
            }
            rest.append(words[j]).append(' ');
        }
        return Optional.of(KernelCommandLine.parse(rest.toString()));
    }

    /**
     * Answers set on the command line and in the preseed. Applies to a preseed fetched over the network
     * ({@code preseed/url}/{@code url}); netcfg answers there come too late.
     */
    public static List<Problem> crossCheck(KernelCommandLine cmdline, String cmdlineWhere, Preseed preseed,
                                           String preseedSource) {
        List<Problem> problems = new ArrayList<>();
        boolean fetched = cmdline.value("preseed/url").isPresent() || cmdline.value("url").isPresent();
        java.util.Set<String> onCommandLine = new java.util.HashSet<>();
        for (KernelCommandLine.Argument a : cmdline.arguments()) {
            if (a.value().isEmpty()) {
                continue;
            }
            Optional<String> question = KernelCommandLine.questionOf(a.key());
            if (question.isEmpty()) {
                continue;
            }
            String q = question.get();
            Optional<String> answered = preseed.value(q);
            OptionalInt line = preseed.lineOf(q);
            if (answered.isEmpty() || line.isEmpty()) {
                continue;
            }
            onCommandLine.add(q);
            if (!sameAnswer(q, a.value().get(), answered.get())) {
                String who = q.startsWith("netcfg/") && fetched
                        ? "netcfg has used the command line's value before this file is fetched, so this answer has no effect"
                        : "this answer replaces the command line's one once the file is loaded";
                problems.add(Problem.error(preseedSource, line.getAsInt(), "contradicting-answers", q,
                        "the kernel command line (" + cmdlineWhere + ") sets " + a.render() + " but this file answers '"
                                + answered.get() + "'; " + who + ". Give both the same value"));
            }
        }
        if (fetched) {
            for (var s : preseed.selections()) {
                String q = s.question();
                if (q.startsWith("netcfg/") && !onCommandLine.contains(q)) {
                    onCommandLine.add(q); // one report per question
                    problems.add(Problem.warning(preseedSource, preseed.lineOf(q).orElse(0), "too-late", q,
                            "netcfg configures the network before the installer fetches this file over it "
                                    + "(preseed/url), so this answer has no effect; put " + q + "=" + s.value()
                                    + " on the kernel command line (" + cmdlineWhere + ")"));
                }
            }
        }
        return problems;
    }

    /** Equal answers, where {@code en_US} and {@code en_US.UTF-8} name the same locale for d-i. */
    private static boolean sameAnswer(String question, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (question.equals("debconf/frontend")) {
            // the installer's cdebconf spells its front ends in lower case, the target's debconf capitalised
            return a.equalsIgnoreCase(b);
        }
        if (question.equals("debian-installer/locale")) {
            return stripCodeset(a).equals(stripCodeset(b));
        }
        return false;
    }

    private static String stripCodeset(String locale) {
        int dot = locale.indexOf('.');
        return dot < 0 ? locale : locale.substring(0, dot);
    }
}
